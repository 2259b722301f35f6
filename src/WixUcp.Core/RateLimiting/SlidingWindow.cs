namespace WixUcp.RateLimiting;

/// <summary>
/// The weighted two-window counter both limiters use. Time is cut into fixed windows; a request is admitted when
/// <c>previous × (1 − elapsed / window) + current &lt; limit</c>, i.e. when the previous window's count, weighted by how
/// much of it still overlaps the sliding window ending now, plus this window's count leaves room. State is two
/// counters per client, whatever the budget, and one atomic step decides.
/// Error bound: no fixed window ever admits more than the limit, so no sliding window admits more than twice the limit
/// (reached only if the previous window's requests all came at its very end); when they were spread evenly the
/// estimate is exact. A sliding log would be exact but keeps one entry per request (memory grows with the limit).
/// </summary>
internal static class SlidingWindow
{
    /// <summary>The counters of one client after rolling them to <paramref name="now"/> (milliseconds).</summary>
    public static (long Start, long Current, long Previous) Roll(long start, long current, long previous, long now, long window)
    {
        var windowStart = now - (now % window);
        if (windowStart == start)
        {
            return (start, current, previous);
        }

        return (windowStart, 0, windowStart - start == window ? current : 0);
    }

    public static double Estimate(long current, long previous, long elapsed, long window) =>
        (previous * (double)(window - elapsed) / window) + current;

    /// <summary>The decision's header values, from the counters after the request was counted (or refused).</summary>
    public static RateLimitDecision Decide(bool allowed, int limit, long start, long current, long previous, long now, long window)
    {
        var elapsed = now - start;
        var estimate = Estimate(current, previous, elapsed, window);
        var remaining = (int)Math.Max(0, Math.Floor(limit - estimate));

        // The whole budget is back once this window's count has decayed out of the next window.
        var reset = current > 0 ? (2 * window) - elapsed : previous > 0 ? window - elapsed : 0;
        return new RateLimitDecision(allowed, limit, remaining, TimeSpan.FromMilliseconds(reset), allowed ? TimeSpan.Zero : RetryAfter(limit, current, previous, elapsed, window));
    }

    // The first moment the estimate leaves room for one more request if no other request comes, rounded up to whole
    // seconds, so a retry after exactly that long is admitted.
    private static TimeSpan RetryAfter(int limit, long current, long previous, long elapsed, long window)
    {
        double at;
        if (current + 1 <= limit && previous > 0)
        {
            // Later in this window, once enough of the previous window has slid out.
            at = window * (1 - ((limit - current - 1) / (double)previous));
        }
        else
        {
            // In the next window, where this window's count is the one that decays.
            at = window + Math.Max(0, window * (1 - ((limit - 1) / (double)current)));
        }

        var wait = Math.Max(at - elapsed, 1);
        return TimeSpan.FromSeconds(Math.Ceiling(wait / 1000));
    }
}
