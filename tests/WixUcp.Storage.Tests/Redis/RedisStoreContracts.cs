using Microsoft.Extensions.Options;
using WixUcp.Authentication;
using WixUcp.Checkout;
using WixUcp.Idempotency;
using WixUcp.Redis;
using WixUcp.Redis.Connection;
using WixUcp.Redis.Stores;
using WixUcp.Storage.Tests.Contracts;
using WixUcp.Storage.Tests.Infrastructure;

namespace WixUcp.Storage.Tests.Redis;

/// <summary>A connection to the test Redis with a prefix of its own, so suites never see each other's keys.</summary>
internal static class TestRedis
{
    public static RedisConnection Connect() => new(Options.Create(new WixUcpRedisOptions
    {
        Url = TestServices.RedisUrl(),
        KeyPrefix = $"test:{Guid.NewGuid():N}:",
    }));
}

public sealed class RedisCheckoutSessionStoreContract : CheckoutSessionStoreContract, IAsyncDisposable
{
    private readonly Lazy<RedisConnection> _redis = new(TestRedis.Connect);

    protected override ICheckoutSessionStore Store => new RedisCheckoutSessionStore(_redis.Value, TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        if (_redis.IsValueCreated)
        {
            await _redis.Value.DisposeAsync();
        }
    }
}

public sealed class RedisCartStoreContract : CartStoreContract, IAsyncDisposable
{
    private readonly Lazy<RedisConnection> _redis = new(TestRedis.Connect);

    protected override WixUcp.Carts.ICartStore Create(TimeProvider time) => new RedisCartStore(_redis.Value, time);

    public async ValueTask DisposeAsync()
    {
        if (_redis.IsValueCreated)
        {
            await _redis.Value.DisposeAsync();
        }
    }
}

public sealed class RedisIdempotencyStoreContract : IdempotencyStoreContract, IAsyncDisposable
{
    private readonly Lazy<RedisConnection> _redis = new(TestRedis.Connect);

    protected override IIdempotencyStore Store => new RedisIdempotencyStore(_redis.Value);

    public async ValueTask DisposeAsync()
    {
        if (_redis.IsValueCreated)
        {
            await _redis.Value.DisposeAsync();
        }
    }
}

public sealed class RedisSignatureReplayCacheContract : SignatureReplayCacheContract, IAsyncDisposable
{
    private readonly Lazy<RedisConnection> _redis = new(TestRedis.Connect);

    protected override ISignatureReplayCache Cache => new RedisSignatureReplayCache(_redis.Value);

    public async ValueTask DisposeAsync()
    {
        if (_redis.IsValueCreated)
        {
            await _redis.Value.DisposeAsync();
        }
    }
}

/// <summary>Redis-only: the tenant's set of open checkouts follows the sessions' states and expires itself.</summary>
public sealed class RedisOpenCheckoutsTests : IAsyncDisposable
{
    private readonly Lazy<RedisConnection> _redis = new(TestRedis.Connect);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Open_checkouts_are_listed_until_they_complete_or_cancel()
    {
        var store = new RedisCheckoutSessionStore(_redis.Value, TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        var open = new CheckoutSession { TenantId = "t1", Id = "chk_open", Status = CheckoutStatus.Incomplete, Currency = "USD", CreatedAt = now, UpdatedAt = now, ExpiresAt = now.AddHours(6), Version = 1 };
        var done = open with { Id = "chk_done" };

        await store.TryCreateAsync(open, Ct);
        await store.TryCreateAsync(done, Ct);
        await store.TryUpdateAsync(done with { Status = CheckoutStatus.Completed, Version = 2 }, 1, Ct);

        var db = (await _redis.Value.GetMultiplexerAsync()).GetDatabase();
        var key = RedisKeys.OpenCheckouts(_redis.Value.Options.KeyPrefix, "t1");
        Assert.Equal(["chk_open"], (await db.SortedSetRangeByScoreAsync(key)).Select(m => (string)m!));
        Assert.Equal(open.ExpiresAt.ToUnixTimeMilliseconds(), (long)(await db.SortedSetScoreAsync(key, "chk_open"))!);
        Assert.True(await db.KeyTimeToLiveAsync(key) > TimeSpan.FromHours(6));
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis.IsValueCreated)
        {
            await _redis.Value.DisposeAsync();
        }
    }
}
