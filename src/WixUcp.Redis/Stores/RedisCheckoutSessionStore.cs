using StackExchange.Redis;
using WixUcp.Checkout;
using WixUcp.Redis.Connection;
using WixUcp.Storage;

namespace WixUcp.Redis.Stores;

/// <summary>
/// Checkout sessions in Redis, one hash per session (<c>v</c> = version, <c>d</c> = stored-record bytes). Create and
/// update are single Lua scripts, so the version is checked and set in one round trip: two replicas updating one
/// checkout cannot both win. Each session expires <see cref="WixUcpRedisOptions.ExpiredSessionRetention"/> after its own expiry.
/// </summary>
internal sealed class RedisCheckoutSessionStore(RedisConnection redis, TimeProvider timeProvider) : ICheckoutSessionStore
{
    private const string CreateScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('HSET', KEYS[1], 'v', ARGV[1], 'd', ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return 1
        """;

    private const string UpdateScript = """
        if redis.call('HGET', KEYS[1], 'v') ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'v', ARGV[2], 'd', ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return 1
        """;

    private static readonly RedisValue Data = "d";

    public async ValueTask<CheckoutSession?> GetAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        var bytes = await redis.RunAsync(db => db.HashGetAsync(Key(tenantId, id), Data)).ConfigureAwait(false);
        return bytes.IsNull ? null : UcpRecordSerializer.DeserializeCheckoutSession((byte[])bytes!);
    }

    public async ValueTask<bool> TryCreateAsync(CheckoutSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var result = await redis.RunAsync(db => db.ScriptEvaluateAsync(
            CreateScript,
            [Key(session.TenantId, session.Id)],
            [session.Version, UcpRecordSerializer.Serialize(session), TimeToLive(session)])).ConfigureAwait(false);
        return (int)result == 1;
    }

    public async ValueTask<bool> TryUpdateAsync(CheckoutSession session, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var result = await redis.RunAsync(db => db.ScriptEvaluateAsync(
            UpdateScript,
            [Key(session.TenantId, session.Id)],
            [expectedVersion, session.Version, UcpRecordSerializer.Serialize(session), TimeToLive(session)])).ConfigureAwait(false);
        return (int)result == 1;
    }

    private RedisKey Key(string tenantId, string id) => RedisKeys.CheckoutSession(redis.Options.KeyPrefix, tenantId, id);

    private long TimeToLive(CheckoutSession session)
    {
        var ttl = session.ExpiresAt + redis.Options.ExpiredSessionRetention - timeProvider.GetUtcNow();
        return Math.Max(1000, (long)ttl.TotalMilliseconds);
    }
}
