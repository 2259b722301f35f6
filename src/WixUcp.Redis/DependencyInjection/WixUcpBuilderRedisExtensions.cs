using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WixUcp.Authentication;
using WixUcp.Carts;
using WixUcp.Checkout;
using WixUcp.Idempotency;
using WixUcp.RateLimiting;
using WixUcp.Redis;
using WixUcp.Redis.Connection;
using WixUcp.Redis.Health;
using WixUcp.Redis.Stores;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Redis stores to a WixUcp builder.</summary>
public static class WixUcpBuilderRedisExtensions
{
    /// <summary>
    /// Keeps checkout sessions, carts (each expiring with the cart) and idempotency records in Redis, shared by every
    /// replica, in place of the in-memory stores,
    /// and makes Redis the second level of the HybridCache that holds platform profiles and the business profile.
    /// Orders stay where they are registered (the in-memory store, or PostgreSQL with its package); completion then writes
    /// the order first and the session second (see <c>ICheckoutCompletionStore</c>).
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddWixUcp()</c>.</param>
    /// <param name="configure">Settings; <see cref="WixUcpRedisOptions.Url"/> is required.</param>
    /// <returns>The same builder.</returns>
    public static IWixUcpBuilder AddRedis(this IWixUcpBuilder builder, Action<WixUcpRedisOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddOptions<WixUcpRedisOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WixUcpRedisOptions>, WixUcpRedisOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RedisConnection>();
        services.AddHealthChecks().AddUcpReadinessCheck<RedisHealthCheck>("redis");
        services.Replace(ServiceDescriptor.Singleton<ICheckoutSessionStore, RedisCheckoutSessionStore>());
        services.Replace(ServiceDescriptor.Singleton<ICartStore, RedisCartStore>());
        services.Replace(ServiceDescriptor.Singleton<IIdempotencyStore, RedisIdempotencyStore>());
        services.Replace(ServiceDescriptor.Singleton<ISignatureReplayCache, RedisSignatureReplayCache>());
        services.Replace(ServiceDescriptor.Singleton<IRateLimiter, RedisRateLimiter>());

        // Redis as the second level of HybridCache (platform profiles, the business profile), on the same connection.
        services.AddStackExchangeRedisCache(_ => { });
        services.AddOptions<RedisCacheOptions>().Configure<RedisConnection>((cache, redis) =>
        {
            cache.ConnectionMultiplexerFactory = redis.GetMultiplexerAsync;
            cache.InstanceName = redis.Options.KeyPrefix + "cache:";
        });
        return builder;
    }
}
