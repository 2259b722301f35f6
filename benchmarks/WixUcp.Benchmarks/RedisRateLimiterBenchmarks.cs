using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using WixUcp.RateLimiting;

namespace WixUcp.Benchmarks;

/// <summary>
/// Decisions of the Redis limiter (one Lua script round trip each) against bare round trips of the same shape on the
/// same server in the same run: <c>INCR</c> of one key (the baseline) and <c>PING</c>. Concurrency is the number of
/// requests in flight at once, as concurrent HTTP requests put them on the shared connection. Needs a Redis at
/// <c>WIXUCP_BENCH_REDIS_URL</c> (for example <c>redis://127.0.0.1:6379</c>); keys go under a fresh prefix.
/// With <see cref="Leased"/> the budget is large enough to be leased (slices reserved by one script and decided in the
/// process); without, it is 100 a minute, decided in Redis every time (past the first hundred, refusals: the same script).
/// </summary>
[MemoryDiagnoser]
public class RedisRateLimiterBenchmarks
{
    private const int Requests = 2_000;

    private ServiceProvider _services = null!;
    private IRateLimiter _limiter = null!;
    private ConnectionMultiplexer _bare = null!;
    private IDatabase _database = null!;
    private string _prefix = null!;

    [Params(1, 16)]
    public int Concurrency { get; set; }

    [Params(false, true)]
    public bool Leased { get; set; }

    private RateLimitBudget Budget => new(Leased ? 1_000_000 : 100, TimeSpan.FromMinutes(1));

    [GlobalSetup]
    public void Setup()
    {
        var url = Environment.GetEnvironmentVariable("WIXUCP_BENCH_REDIS_URL")
            ?? throw new InvalidOperationException("Set WIXUCP_BENCH_REDIS_URL (for example redis://127.0.0.1:6379) to run the Redis benchmarks.");
        _prefix = $"bench:{Guid.NewGuid():N}:";
        _services = new ServiceCollection().AddLogging()
            .AddWixUcp().AddRedis(o => { o.Url = url; o.KeyPrefix = _prefix; })
            .Services.BuildServiceProvider();
        _limiter = _services.GetRequiredService<IRateLimiter>();
        var uri = new Uri(url);
        _bare = ConnectionMultiplexer.Connect($"{uri.Host}:{uri.Port}");
        _database = _bare.GetDatabase();
        _limiter.AcquireAsync(UcpRateLimitPolicies.Catalog, "platform:bench", Budget, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _database.KeyDelete(_prefix + "incr");   // the limiter's own keys expire by themselves
        _bare.Dispose();
        _services.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests, Description = "bare round trip: INCR")]
    public Task Increment() => RunAsync(() => _database.StringIncrementAsync(_prefix + "incr"));

    [Benchmark(OperationsPerInvoke = Requests, Description = "bare round trip: PING")]
    public Task Ping() => RunAsync(() => _database.PingAsync());

    [Benchmark(OperationsPerInvoke = Requests, Description = "rate-limit decision")]
    public Task Decide() => RunAsync(() => _limiter.AcquireAsync(UcpRateLimitPolicies.Catalog, "platform:bench", Budget, CancellationToken.None).AsTask());

    private async Task RunAsync<T>(Func<Task<T>> call)
    {
        var workers = new Task[Concurrency];
        for (var w = 0; w < Concurrency; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                for (var i = 0; i < Requests / Concurrency; i++)
                {
                    await call().ConfigureAwait(false);
                }
            });
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
    }
}
