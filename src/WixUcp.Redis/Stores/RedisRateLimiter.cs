using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;
using WixUcp.RateLimiting;
using WixUcp.Redis.Connection;

namespace WixUcp.Redis.Stores;

/// <summary>
/// The weighted two-window counter in Redis, so replicas share every budget: one hash per client and policy
/// (<c>s</c> window start, <c>c</c> current count, <c>p</c> previous count) that expires by itself two windows after its
/// window started,
/// updated by one Lua script per decision with the Redis server's clock (replicas' clocks may disagree). One key per
/// script, so Redis Cluster places it anywhere. A failure to reach Redis (after the connection's operation timeout), or
/// an error answer such as OOM or READONLY, surfaces as <c>StoreUnavailableException</c>; <c>RateLimitGate</c> then
/// applies the configured store-failure policy.
/// </summary>
internal sealed class RedisRateLimiter(RedisConnection redis) : IRateLimiter
{
    // ARGV: window ms, limit. Returns { current (negated when refused), previous, elapsed ms in the window }. The common
    // case (same window) reads the hash and increments one field; only a new window rewrites it and sets its expiry.
    private const string Script = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local window = tonumber(ARGV[1])
        local limit = tonumber(ARGV[2])
        local start = now - (now % window)
        local state = redis.call('HMGET', KEYS[1], 's', 'c', 'p')
        local s = tonumber(state[1])
        local c = tonumber(state[2]) or 0
        local p = tonumber(state[3]) or 0
        local rolled = s ~= start
        if rolled then
          if s and start - s == window then p = c else p = 0 end
          c = 0
        end
        local allowed = 0
        if p * (window - (now - start)) / window + c + 1 <= limit + 1e-9 then
          c = c + 1
          allowed = 1
        end
        if rolled then
          redis.call('HSET', KEYS[1], 's', start, 'c', c, 'p', p)
          redis.call('PEXPIREAT', KEYS[1], start + 2 * window)
        elseif allowed == 1 then
          redis.call('HINCRBY', KEYS[1], 'c', 1)
        end
        if allowed == 0 then c = -c end
        return { c, p, now - start }
        """;

    // EVALSHA by a hash computed once: the script is never resent, and no hash is computed per call. Redis names
    // scripts by SHA-1; this is an identifier, not a security measure.
#pragma warning disable CA5350
    private static readonly byte[] ScriptHash = SHA1.HashData(Encoding.UTF8.GetBytes(Script));
#pragma warning restore CA5350

    public async ValueTask<RateLimitDecision> AcquireAsync(string policy, string client, RateLimitBudget budget, CancellationToken cancellationToken)
    {
        var window = (long)budget.Window.TotalMilliseconds;
        var request = new Request([RedisKeys.RateLimit(redis.Options.KeyPrefix, policy, client)], [window, budget.PermitLimit]);
        var result = (RedisResult[])(await redis.RunAsync(request, EvaluateAsync).ConfigureAwait(false))!;
        var (current, previous, elapsed) = ((long)result[0], (long)result[1], (long)result[2]);
        return SlidingWindowCounter.Decide(current > 0, budget.PermitLimit, start: 0, Math.Abs(current), previous, now: elapsed, window);
    }

    private static async Task<RedisResult> EvaluateAsync(IDatabase database, Request request)
    {
        try
        {
            return await database.ScriptEvaluateAsync(ScriptHash, request.Keys, request.Values).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            // A restarted or flushed server has forgotten it: EVAL sends it once more.
            return await database.ScriptEvaluateAsync(Script, request.Keys, request.Values).ConfigureAwait(false);
        }
    }

    private sealed record Request(RedisKey[] Keys, RedisValue[] Values);
}
