using Microsoft.Extensions.Options;
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
