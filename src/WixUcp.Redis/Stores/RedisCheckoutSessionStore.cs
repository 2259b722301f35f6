using StackExchange.Redis;
using WixUcp.Checkout;
using WixUcp.Redis.Connection;
using WixUcp.Storage;

namespace WixUcp.Redis.Stores;

/// <summary>
/// Checkout sessions in Redis, one hash per session (<c>v</c> = version, <c>d</c> = stored-record bytes). Create and
/// update are single Lua scripts, so the version is checked and set in one round trip: two replicas updating one
/// checkout cannot both win. Each session expires <see cref="WixUcpRedisOptions.ExpiredSessionRetention"/> after its own expiry.
/// The same scripts keep the tenant's set of open checkouts (scored by expiry) that abandonment metrics count.
/// </summary>
internal sealed class RedisCheckoutSessionStore(RedisConnection redis, TimeProvider timeProvider) : ICheckoutSessionStore
{
    // KEYS: session, open-checkouts set (one hash tag: one slot). ARGV: version, record, ttl ms, expires-at ms, open (1/0),
    // checkout id, prune-before ms. The set holds the tenant's open checkouts scored by expiry, for abandonment counts.
    private static readonly RedisScript CreateScript = new("""
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('HSET', KEYS[1], 'v', ARGV[1], 'd', ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        if ARGV[5] == '1' then
          redis.call('ZADD', KEYS[2], ARGV[4], ARGV[6])
          redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[7])
          if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[2], ARGV[3]) end
        end
        return 1
        """);

    // As above, with ARGV[1] the expected version and the rest shifted by one.
    private static readonly RedisScript UpdateScript = new("""
        if redis.call('HGET', KEYS[1], 'v') ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'v', ARGV[2], 'd', ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        if ARGV[6] == '1' then
          redis.call('ZADD', KEYS[2], ARGV[5], ARGV[7])
          if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[4]) then redis.call('PEXPIRE', KEYS[2], ARGV[4]) end
        else
          redis.call('ZREM', KEYS[2], ARGV[7])
        end
        return 1
        """);

    private static readonly RedisValue Data = "d";

    public async ValueTask<CheckoutSession?> GetAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        var bytes = await redis.RunAsync(db => db.HashGetAsync(Key(tenantId, id), Data)).ConfigureAwait(false);
        return bytes.IsNull ? null : UcpRecordSerializer.DeserializeCheckoutSession((byte[])bytes!);
    }

    public async ValueTask<bool> TryCreateAsync(CheckoutSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var result = await redis.EvaluateAsync(CreateScript, [Key(session.TenantId, session.Id), OpenSet(session.TenantId)], [session.Version, UcpRecordSerializer.Serialize(session), TimeToLive(session), session.ExpiresAt.ToUnixTimeMilliseconds(), IsOpen(session),
             session.Id, (timeProvider.GetUtcNow() - redis.Options.ExpiredSessionRetention).ToUnixTimeMilliseconds()]).ConfigureAwait(false);
        return (int)result == 1;
    }

    public async ValueTask<bool> TryUpdateAsync(CheckoutSession session, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var result = await redis.EvaluateAsync(UpdateScript, [Key(session.TenantId, session.Id), OpenSet(session.TenantId)], [expectedVersion, session.Version, UcpRecordSerializer.Serialize(session), TimeToLive(session), session.ExpiresAt.ToUnixTimeMilliseconds(), IsOpen(session), session.Id]).ConfigureAwait(false);
        return (int)result == 1;
    }

    private RedisKey Key(string tenantId, string id) => RedisKeys.CheckoutSession(redis.Options.KeyPrefix, tenantId, id);

    private RedisKey OpenSet(string tenantId) => RedisKeys.OpenCheckouts(redis.Options.KeyPrefix, tenantId);

    private static int IsOpen(CheckoutSession session) => session.IsTerminal ? 0 : 1;

    private long TimeToLive(CheckoutSession session)
    {
        var ttl = session.ExpiresAt + redis.Options.ExpiredSessionRetention - timeProvider.GetUtcNow();
        return Math.Max(1000, (long)ttl.TotalMilliseconds);
    }
}
