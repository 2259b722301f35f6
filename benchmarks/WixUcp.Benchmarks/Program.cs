using BenchmarkDotNet.Running;
using WixUcp.Benchmarks;

// dotnet run -c Release --project benchmarks/WixUcp.Benchmarks -- --filter '*' [--job short]
// dotnet run -c Release --project benchmarks/WixUcp.Benchmarks -- webhooks     (webhook dispatch throughput and delay)
// dotnet run -c Release --project benchmarks/WixUcp.Benchmarks -- floor --urls http://127.0.0.1:PORT --bytes N
if (args is ["floor", ..])
{
    await FrameworkFloor.RunAsync(args[1..]);
    return;
}

// dotnet run -c Release --project benchmarks/WixUcp.Benchmarks -- memory [count]   (bytes an open checkout holds in memory)
if (args is ["memory", ..])
{
    await OpenCheckoutMemory.RunAsync(args[1..]);
    return;
}

if (args is ["webhooks", ..])
{
    await WebhookDispatchMeasurement.RunAsync(args[1..]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
