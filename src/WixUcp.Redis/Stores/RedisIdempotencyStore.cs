using StackExchange.Redis;
using WixUcp.Idempotency;
using WixUcp.Redis.Connection;
using WixUcp.Storage;

namespace WixUcp.Redis.Stores;

/// <summary>
/// Idempotency records in Redis, one hash per scoped key (<c>fp</c> = request fingerprint, <c>r</c> = stored response).
/// The claim is one Lua script: of any number of replicas receiving the same key at the same instant, exactly one starts.
/// A claim expires with the claim lifetime (a crashed request frees its key); a completed record lives for the record lifetime.
/// </summary>
internal sealed class RedisIdempotencyStore(RedisConnection redis) : IIdempotencyStore
{
    private static readonly RedisScript BeginScript = new("""
        local fp = redis.call('HGET', KEYS[1], 'fp')
        if not fp then
          redis.call('HSET', KEYS[1], 'fp', ARGV[1])
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          return {0}
        end
        if fp ~= ARGV[1] then return {2} end
        local r = redis.call('HGET', KEYS[1], 'r')
        if r then return {1, r} end
        return {3}
        """);

    // A claim that already expired is not brought back: the response is not kept, and a retry runs again.
    private static readonly RedisScript CompleteScript = new("""
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        redis.call('HSET', KEYS[1], 'r', ARGV[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 1
        """);

    private static readonly RedisScript AbandonScript = new("""
        if redis.call('HEXISTS', KEYS[1], 'r') == 0 then redis.call('DEL', KEYS[1]) end
        return 1
        """);

    public async ValueTask<IdempotencyBeginResult> TryBeginAsync(string key, string fingerprint, TimeSpan claimLifetime, CancellationToken cancellationToken)
    {
        var result = (RedisResult[])(await redis.EvaluateAsync(BeginScript, [Key(key)], [fingerprint, (long)claimLifetime.TotalMilliseconds]).ConfigureAwait(false))!;
        return (int)result[0] switch
        {
            0 => IdempotencyBeginResult.Started,
            1 => new IdempotencyBeginResult(IdempotencyBeginStatus.Replay, UcpRecordSerializer.DeserializeIdempotentResponse((byte[])result[1]!)),
            2 => IdempotencyBeginResult.Conflict,
            _ => IdempotencyBeginResult.InProgress,
        };
    }

    public async ValueTask CompleteAsync(string key, IdempotentResponse response, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        await redis.EvaluateAsync(CompleteScript, [Key(key)], [UcpRecordSerializer.Serialize(response), (long)lifetime.TotalMilliseconds]).ConfigureAwait(false);
    }

    public async ValueTask AbandonAsync(string key, CancellationToken cancellationToken) =>
        await redis.EvaluateAsync(AbandonScript, [Key(key)]).ConfigureAwait(false);

    private RedisKey Key(string scopedKey) => RedisKeys.Idempotency(redis.Options.KeyPrefix, scopedKey);
}
