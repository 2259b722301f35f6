using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using WixUcp.RateLimiting;
using WixUcp.Redis.Stores;
using WixUcp.Storage.Tests.Infrastructure;

namespace WixUcp.Storage.Tests.Redis;

/// <summary>The Redis limiter against the real server: the same decisions as the in-memory one, keys that expire, and a server that forgot its scripts.</summary>
public sealed class RedisRateLimiterTests : IAsyncDisposable
{
    private static readonly RateLimitBudget ThreePerHour = new(3, TimeSpan.FromHours(1));
    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";
    private readonly List<ServiceProvider> _providers = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var services in _providers)
        {
            await services.DisposeAsync();
        }
    }

    [Fact]
    public async Task It_admits_the_budget_then_refuses_with_the_same_header_values_as_in_memory()
    {
        var limiter = Limiter();

        var decisions = new List<RateLimitDecision>();
        for (var i = 0; i < 4; i++)
        {
            decisions.Add(await limiter.AcquireAsync(UcpRateLimitPolicies.Checkout, "platform:a", ThreePerHour, TestContext.Current.CancellationToken));
        }

        Assert.Equal([true, true, true, false], decisions.Select(d => d.IsAllowed));
        Assert.Equal([2, 1, 0, 0], decisions.Select(d => d.Remaining));
        // Redis's clock is wherever it is in the hour: Reset = 2 h − elapsed, and three requests in this window leave
        // room again 20 min into the next one, so Retry-After = 80 min − elapsed, in whole seconds.
        var elapsed = TimeSpan.FromHours(2) - decisions[3].Reset;
        Assert.InRange(elapsed, TimeSpan.Zero, TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromSeconds(Math.Ceiling((TimeSpan.FromMinutes(80) - elapsed).TotalSeconds)), decisions[3].RetryAfter);
        Assert.True((await limiter.AcquireAsync(UcpRateLimitPolicies.Checkout, "platform:b", ThreePerHour, TestContext.Current.CancellationToken)).IsAllowed);
    }

    [Fact]
    public async Task Its_keys_expire_two_windows_after_their_window_started()
    {
        var limiter = Limiter();
        await limiter.AcquireAsync(UcpRateLimitPolicies.Catalog, "address:203.0.113.9", ThreePerHour, TestContext.Current.CancellationToken);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(Configuration());
        var ttl = await redis.GetDatabase().KeyTimeToLiveAsync($"{_prefix}ratelimit:{UcpRateLimitPolicies.Catalog}:address:203.0.113.9");

        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromHours(1), TimeSpan.FromHours(2));
    }

    [Fact]
    public async Task A_server_that_forgot_its_scripts_is_sent_the_script_again()
    {
        var limiter = Limiter();
        Assert.True((await limiter.AcquireAsync(UcpRateLimitPolicies.Orders, "platform:c", ThreePerHour, TestContext.Current.CancellationToken)).IsAllowed);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(Configuration() + ",allowAdmin=true");
        await redis.GetServers()[0].ScriptFlushAsync();
        var afterFlush = await limiter.AcquireAsync(UcpRateLimitPolicies.Orders, "platform:c", ThreePerHour, TestContext.Current.CancellationToken);

        Assert.Equal((true, 1), (afterFlush.IsAllowed, afterFlush.Remaining));
    }

    [Fact]
    public async Task A_large_budget_is_leased_in_slices_that_never_let_two_replicas_exceed_it()
    {
        // 6,400 an hour: slices of at most 100 permits. Two replicas, four request loops each, twice the budget asked.
        var budget = new RateLimitBudget(6_400, TimeSpan.FromHours(1));
        var replicas = new[] { Limiter(), Limiter() };
        var admitted = 0;
        await Task.WhenAll(replicas.SelectMany(replica => Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 1_600; i++)
            {
                if ((await replica.AcquireAsync(UcpRateLimitPolicies.Catalog, "platform:big", budget, TestContext.Current.CancellationToken)).IsAllowed)
                {
                    Interlocked.Increment(ref admitted);
                }
            }
        }))));

        await using var redis = await ConnectionMultiplexer.ConnectAsync(Configuration());
        var reserved = (long)await redis.GetDatabase().HashGetAsync($"{_prefix}ratelimit:{UcpRateLimitPolicies.Catalog}:platform:big", "c");
        var reservations = replicas.Sum(r => ((RedisRateLimiter)r).Reservations);

        // Never more than the budget; at most one unused slice per replica refused early; Redis counted every permit
        // before it was used; and far fewer round trips than decisions.
        Assert.InRange(admitted, 6_400 - (2 * 100), 6_400);
        Assert.InRange(reserved, admitted, 6_400);
        Assert.InRange(reservations, 1, 12_800 / 40);
    }

    [Fact]
    public async Task A_client_at_a_slow_pace_reserves_one_permit_at_a_time()
    {
        var budget = new RateLimitBudget(6_400, TimeSpan.FromHours(1));
        var limiter = Limiter();
        var remaining = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            remaining.Add((await limiter.AcquireAsync(UcpRateLimitPolicies.Catalog, "platform:slow", budget, TestContext.Current.CancellationToken)).Remaining);
            await Task.Delay(80, TestContext.Current.CancellationToken);
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync(Configuration());
        var reserved = (long)await redis.GetDatabase().HashGetAsync($"{_prefix}ratelimit:{UcpRateLimitPolicies.Catalog}:platform:slow", "c");

        Assert.Equal([6_399, 6_398, 6_397, 6_396], remaining);
        Assert.Equal(4, reserved);
        Assert.Equal(4, ((RedisRateLimiter)limiter).Reservations);
    }

    [Fact]
    public async Task A_slice_never_holds_more_than_the_budget_has_room_for()
    {
        // 128 an hour: slices of at most 2. 140 quick requests by one replica: exactly the budget admitted, the rest
        // refused with a Retry-After; once refused, the refusal is remembered rather than asked again.
        var budget = new RateLimitBudget(128, TimeSpan.FromHours(1));
        var limiter = (RedisRateLimiter)Limiter();
        var decisions = new List<RateLimitDecision>();
        for (var i = 0; i < 129; i++)
        {
            decisions.Add(await limiter.AcquireAsync(UcpRateLimitPolicies.Orders, "platform:edge", budget, TestContext.Current.CancellationToken));
        }

        var reservations = limiter.Reservations;
        for (var i = 0; i < 11; i++)
        {
            decisions.Add(await limiter.AcquireAsync(UcpRateLimitPolicies.Orders, "platform:edge", budget, TestContext.Current.CancellationToken));
        }

        Assert.Equal(128, decisions.Count(d => d.IsAllowed));
        Assert.All(decisions.Skip(128), d => Assert.Equal((false, 0), (d.IsAllowed, d.Remaining)));
        // Remembered refusals report what Redis reported for the first (room returns 61 min after this window started).
        Assert.All(decisions.Skip(129), d => Assert.InRange(d.RetryAfter - decisions[128].RetryAfter, TimeSpan.FromSeconds(-1), TimeSpan.Zero));
        Assert.InRange(decisions[128].RetryAfter, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(61));
        Assert.InRange(reservations, 64, 100);
        Assert.Equal(reservations, limiter.Reservations);
    }

    private IRateLimiter Limiter()
    {
        var services = new ServiceCollection().AddLogging()
            .AddWixUcp().AddRedis(o => { o.Url = TestServices.RedisUrl(); o.KeyPrefix = _prefix; })
            .Services.BuildServiceProvider();
        _providers.Add(services);
        return services.GetRequiredService<IRateLimiter>();
    }

    private static string Configuration()
    {
        var url = new Uri(TestServices.RedisUrl());
        return $"{url.Host}:{url.Port}";
    }
}
