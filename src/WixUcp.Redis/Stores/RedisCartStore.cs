using StackExchange.Redis;
using WixUcp.Carts;
using WixUcp.Redis.Connection;
using WixUcp.Storage;

namespace WixUcp.Redis.Stores;

/// <summary>
/// Carts in Redis, one hash per cart (<c>v</c> = version, <c>d</c> = stored-record bytes) that expires with the cart
/// itself (<see cref="Cart.ExpiresAt"/>): Redis drops abandoned carts, so they hold no memory past their lifetime.
/// Create, update and delete check the version in one script, so replicas changing one cart cannot both win.
/// </summary>
internal sealed class RedisCartStore(RedisConnection redis, TimeProvider time) : ICartStore
{
    private static readonly RedisScript CreateScript = new("""
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('HSET', KEYS[1], 'v', ARGV[1], 'd', ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return 1
        """);

    private static readonly RedisScript UpdateScript = new("""
        if redis.call('HGET', KEYS[1], 'v') ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'v', ARGV[2], 'd', ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return 1
        """);

    private static readonly RedisScript DeleteScript = new("""
        if redis.call('HGET', KEYS[1], 'v') ~= ARGV[1] then return 0 end
        redis.call('DEL', KEYS[1])
        return 1
        """);

    private static readonly RedisValue Data = "d";

    public async ValueTask<Cart?> GetAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        var bytes = await redis.RunAsync(db => db.HashGetAsync(Key(tenantId, id), Data)).ConfigureAwait(false);
        return bytes.IsNull ? null : UcpRecordSerializer.DeserializeCart((byte[])bytes!);
    }

    public async ValueTask<bool> TryCreateAsync(Cart cart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var result = await redis.EvaluateAsync(CreateScript, [Key(cart.TenantId, cart.Id)], [cart.Version, UcpRecordSerializer.Serialize(cart), TimeToLive(cart)]).ConfigureAwait(false);
        return (int)result == 1;
    }

    public async ValueTask<bool> TryUpdateAsync(Cart cart, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var result = await redis.EvaluateAsync(UpdateScript, [Key(cart.TenantId, cart.Id)], [expectedVersion, cart.Version, UcpRecordSerializer.Serialize(cart), TimeToLive(cart)]).ConfigureAwait(false);
        return (int)result == 1;
    }

    public async ValueTask<bool> TryDeleteAsync(string tenantId, string id, long expectedVersion, CancellationToken cancellationToken)
    {
        var result = await redis.EvaluateAsync(DeleteScript, [Key(tenantId, id)], [expectedVersion]).ConfigureAwait(false);
        return (int)result == 1;
    }

    private RedisKey Key(string tenantId, string id) => RedisKeys.Cart(redis.Options.KeyPrefix, tenantId, id);

    private long TimeToLive(Cart cart) => Math.Max(1000, (long)(cart.ExpiresAt - time.GetUtcNow()).TotalMilliseconds);
}
