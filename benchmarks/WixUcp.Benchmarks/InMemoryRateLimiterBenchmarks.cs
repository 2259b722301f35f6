using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using WixUcp.RateLimiting;

namespace WixUcp.Benchmarks;

/// <summary>
/// One decision of the in-memory limiter for a client it already tracks: with one client or 10,000, on one thread or
/// two (each thread on its own clients, as concurrent requests of different platforms are). Reported per decision.
/// </summary>
[MemoryDiagnoser]
public class InMemoryRateLimiterBenchmarks
{
    private const int Decisions = 100_000;
    private static readonly RateLimitBudget Budget = new(1_000_000, TimeSpan.FromMinutes(1));

    private IRateLimiter _limiter = null!;
    private string[] _clients = null!;
    private ServiceProvider _services = null!;

    [Params(1, 10_000)]
    public int Clients { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddLogging().AddWixUcp().Services.BuildServiceProvider();
        _limiter = _services.GetRequiredService<IRateLimiter>();
        _clients = [.. Enumerable.Range(0, Clients).Select(i => "platform:bench_" + i)];
        foreach (var client in _clients)
        {
            _ = Completed(_limiter.AcquireAsync(UcpRateLimitPolicies.Catalog, client, Budget, CancellationToken.None));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(OperationsPerInvoke = Decisions)]
    public int Decide()
    {
        if (Threads == 1)
        {
            return Run(0, 1);
        }

        var admitted = 0;
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread => Interlocked.Add(ref admitted, Run(thread, Threads)));
        return admitted;
    }

    private int Run(int thread, int threads)
    {
        var admitted = 0;
        var clients = _clients;
        for (var i = thread; i < Decisions; i += threads)
        {
            // Thread t takes clients t, t + threads, ...: with one client both threads share it (contention is measured too).
            var decision = Completed(_limiter.AcquireAsync(UcpRateLimitPolicies.Catalog, clients[i % clients.Length], Budget, CancellationToken.None));
            admitted += decision.IsAllowed ? 1 : 0;
        }

        return admitted;
    }

    // The in-memory limiter decides synchronously; its ValueTask is always complete.
    private static RateLimitDecision Completed(ValueTask<RateLimitDecision> decision) =>
        decision.IsCompletedSuccessfully ? decision.Result : throw new InvalidOperationException("The in-memory limiter went asynchronous.");
}
