using System.Collections.Concurrent;
using System.Diagnostics;
using StackExchange.Redis;
using WixUcp.RateLimiting;
using WixUcp.Redis.Connection;

namespace WixUcp.Redis.Stores;

/// <summary>
/// The weighted two-window counter in Redis, so replicas share every budget: one hash per client and policy
/// (<c>s</c> window start, <c>c</c> current count, <c>p</c> previous count) that expires by itself two windows after its
/// window started, updated by one Lua script with the Redis server's clock (replicas' clocks may disagree). One key per
/// script, so Redis Cluster places it anywhere. A failure to reach Redis (after the connection's operation timeout), or
/// an error answer such as OOM or READONLY, surfaces as <c>StoreUnavailableException</c>; <c>RateLimitGate</c> then
/// applies the configured store-failure policy.
/// <para>
/// Budgets of at least 128 requests per window are leased: a replica reserves a slice of the client's budget in one
/// script call and decides the slice's requests locally until it is used up or Redis's window ends (see
/// <see cref="PermitSlice"/>). Reserved permits count in Redis before any of them is used, so replicas together never
/// admit more than the budget; a slice is at most 1/64 of the budget, so each replica can refuse at most that much
/// early. A refusal is remembered until the budget has room again. Smaller budgets, the defaults among them, go to
/// Redis on every request.
/// </para>
/// </summary>
internal sealed class RedisRateLimiter(RedisConnection redis) : IRateLimiter
{
    private const int LeaseDivisor = 64;
    private const int MaxSlices = 10_000;

    // ARGV: window ms, limit, permits wanted. Grants as many as the budget has room for, up to those wanted. Returns
    // { current (negated when refused), previous, elapsed ms in the window, permits granted }. The common case (same
    // window) reads the hash and increments one field; only a new window rewrites it and sets its expiry.
    private static readonly RedisScript Script = new("""
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local window = tonumber(ARGV[1])
        local limit = tonumber(ARGV[2])
        local wanted = tonumber(ARGV[3])
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
        local granted = math.min(wanted, math.floor(limit - p * (window - (now - start)) / window - c + 1e-9))
        if granted < 1 then granted = 0 end
        c = c + granted
        if rolled then
          redis.call('HSET', KEYS[1], 's', start, 'c', c, 'p', p)
          redis.call('PEXPIREAT', KEYS[1], start + 2 * window)
        elseif granted > 0 then
          redis.call('HINCRBY', KEYS[1], 'c', granted)
        end
        if granted == 0 then c = -c end
        return { c, p, now - start, granted }
        """);

    // By policy and client: the Redis key is only built when a reservation is sent, not for every local decision.
    private readonly ConcurrentDictionary<(string Policy, string Client), PermitSlice> _slices = new();
    private long _reservations;

    /// <summary>Reservation scripts sent so far (a test's measure of the round trips leasing saves).</summary>
    public long Reservations => Interlocked.Read(ref _reservations);

    public async ValueTask<RateLimitDecision> AcquireAsync(string policy, string client, RateLimitBudget budget, CancellationToken cancellationToken)
    {
        var window = (long)budget.Window.TotalMilliseconds;
        var maxSlice = budget.PermitLimit / LeaseDivisor;
        if (maxSlice <= 1 || SliceFor((policy, client)) is not { } slice)
        {
            return Decision(await ReserveAsync(policy, client, window, budget.PermitLimit, 1).ConfigureAwait(false), budget.PermitLimit, window);
        }

        while (true)
        {
            TaskCompletionSource<PermitGrant>? mine = null;
            Task<PermitGrant> refill;
            lock (slice)
            {
                if (slice.TryDecide(budget.PermitLimit, window, out var decision))
                {
                    return decision;
                }

                if (slice.Refilling is null)
                {
                    mine = new TaskCompletionSource<PermitGrant>(TaskCreationOptions.RunContinuationsAsynchronously);
                    slice.Refilling = mine.Task;
                }

                refill = slice.Refilling;
            }

            if (mine is not null)
            {
                await RefillAsync(slice, mine, policy, client, window, budget.PermitLimit, maxSlice).ConfigureAwait(false);
            }

            var result = await refill.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (result.Granted == 0)
            {
                return Decision(result, budget.PermitLimit, window);
            }
        }
    }

    // One reservation for everyone waiting on this slice; the waiters then take from it (or, if it is refused, are
    // refused with it). It runs to the end whoever cancels, so a cancelled caller cannot strand the others.
    private async Task RefillAsync(PermitSlice slice, TaskCompletionSource<PermitGrant> completion, string policy, string client, long window, int limit, int maxSlice)
    {
        int wanted;
        lock (slice)
        {
            wanted = slice.NextSize(maxSlice);
        }

        var sentAt = Stopwatch.GetTimestamp();
        try
        {
            var grant = await ReserveAsync(policy, client, window, limit, wanted).ConfigureAwait(false);
            lock (slice)
            {
                slice.Refilled(grant, sentAt, limit, window);
                slice.Refilling = null;
            }

            completion.SetResult(grant);
        }
        catch (Exception ex)
        {
            lock (slice)
            {
                slice.Refilling = null;
            }

            completion.SetException(ex);
        }
    }

    private static RateLimitDecision Decision(PermitGrant grant, int limit, long window) =>
        SlidingWindowCounter.Decide(grant.Granted > 0, limit, start: 0, grant.Current, grant.Previous, now: grant.Elapsed, window);

    private PermitSlice? SliceFor((string Policy, string Client) key)
    {
        if (_slices.TryGetValue(key, out var slice))
        {
            return slice;
        }

        if (_slices.Count >= MaxSlices)
        {
            // Many clients with large budgets at once: forget those whose slices have ended; if that frees nothing,
            // this client is decided by Redis alone, so the map stays bounded whoever calls.
            var now = Stopwatch.GetTimestamp();
            foreach (var (staleKey, stale) in _slices)
            {
                if (stale.IsIdle(now))
                {
                    _slices.TryRemove(staleKey, out _);
                }
            }

            if (_slices.Count >= MaxSlices)
            {
                return null;
            }
        }

        return _slices.GetOrAdd(key, static _ => new PermitSlice());
    }

    private async Task<PermitGrant> ReserveAsync(string policy, string client, long window, int limit, int wanted)
    {
        Interlocked.Increment(ref _reservations);
        var key = RedisKeys.RateLimit(redis.Options.KeyPrefix, policy, client);
        var result = (RedisResult[])(await redis.EvaluateAsync(Script, [key], window, limit, wanted).ConfigureAwait(false))!;
        return new PermitGrant(Math.Abs((long)result[0]), (long)result[1], (long)result[2], (int)result[3]);
    }
}
