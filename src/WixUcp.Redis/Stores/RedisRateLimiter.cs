using StackExchange.Redis;
using WixUcp.RateLimiting;
using WixUcp.Redis.Connection;

namespace WixUcp.Redis.Stores;

/// <summary>
/// The weighted two-window counter in Redis, so replicas share every budget: one hash per client and policy
/// (<c>s</c> window start, <c>c</c> current count, <c>p</c> previous count) that expires by itself after two windows,
/// updated by one Lua script per decision with the Redis server's clock (replicas' clocks may disagree). One key per
/// script, so Redis Cluster places it anywhere. A failure to reach Redis surfaces as <c>StoreUnavailableException</c>
/// after the connection's operation timeout; <c>RateLimitGate</c> then applies the configured store-failure policy.
/// </summary>
internal sealed class RedisRateLimiter(RedisConnection redis) : IRateLimiter
{
    // ARGV: window ms, limit. Returns { allowed, window start, current, previous, now } with times in ms.
    private const string Script = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local window = tonumber(ARGV[1])
        local limit = tonumber(ARGV[2])
        local start = now - (now % window)
        local state = redis.call('HMGET', KEYS[1], 's', 'c', 'p')
        local s = tonumber(state[1]) or start
        local c = tonumber(state[2]) or 0
        local p = tonumber(state[3]) or 0
        if start ~= s then
          if start - s == window then p = c else p = 0 end
          c = 0
        end
        local allowed = 0
        if p * (window - (now - start)) / window + c + 1 <= limit + 1e-9 then
          c = c + 1
          allowed = 1
        end
        redis.call('HSET', KEYS[1], 's', start, 'c', c, 'p', p)
        redis.call('PEXPIRE', KEYS[1], 2 * window)
        return { allowed, start, c, p, now }
        """;

    public async ValueTask<RateLimitDecision> AcquireAsync(string policy, string client, RateLimitBudget budget, CancellationToken cancellationToken)
    {
        var window = (long)budget.Window.TotalMilliseconds;
        var result = (RedisResult[])(await redis.RunAsync(db => db.ScriptEvaluateAsync(
            Script, [RedisKeys.RateLimit(redis.Options.KeyPrefix, policy, client)], [window, budget.PermitLimit])).ConfigureAwait(false))!;
        return SlidingWindowCounter.Decide((long)result[0] == 1, budget.PermitLimit, (long)result[1], (long)result[2], (long)result[3], (long)result[4], window);
    }
}
