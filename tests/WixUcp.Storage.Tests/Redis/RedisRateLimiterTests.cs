using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using WixUcp.RateLimiting;
using WixUcp.Storage.Tests.Infrastructure;

namespace WixUcp.Storage.Tests.Redis;

/// <summary>The Redis limiter against the real server: the same decisions as the in-memory one, keys that expire, and a server that forgot its scripts.</summary>
public sealed class RedisRateLimiterTests : IAsyncDisposable
{
    private static readonly RateLimitBudget ThreePerHour = new(3, TimeSpan.FromHours(1));
    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";
    private ServiceProvider? _services;

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
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

    private IRateLimiter Limiter()
    {
        _services = new ServiceCollection().AddLogging()
            .AddWixUcp().AddRedis(o => { o.Url = TestServices.RedisUrl(); o.KeyPrefix = _prefix; })
            .Services.BuildServiceProvider();
        return _services.GetRequiredService<IRateLimiter>();
    }

    private static string Configuration()
    {
        var url = new Uri(TestServices.RedisUrl());
        return $"{url.Host}:{url.Port}";
    }
}
