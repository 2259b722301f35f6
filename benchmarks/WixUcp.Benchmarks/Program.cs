using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/WixUcp.Benchmarks -- --filter '*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
