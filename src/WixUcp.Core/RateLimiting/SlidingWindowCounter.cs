namespace WixUcp.RateLimiting;

/// <summary>
/// The weighted two-window counter both limiters use. Time is cut into fixed windows; a request is admitted when
/// <c>previous × (1 − elapsed / window) + current &lt; limit</c>, i.e. when the previous window's count, weighted by how
/// much of it still overlaps the sliding window ending now, plus this window's count leaves room. State is two
/// counters per client, whatever the budget, and one atomic step decides.
/// Error bound: no fixed window ever admits more than the limit, so no sliding window admits more than twice the limit
/// (reached only if the previous window's requests all came at its very end); when they were spread evenly the
/// estimate is exact. A sliding log would be exact but keeps one entry per request (memory grows with the limit).
/// Limiters over other stores keep the same three numbers and use these functions, so every store decides alike.
/// Times are milliseconds.
/// </summary>
public static class SlidingWindowCounter
{
    /// <summary>The counters of one client after rolling them to <paramref name="now"/>.</summary>
    /// <param name="start">Start of the window the counters were last updated in.</param>
    /// <param name="current">Requests admitted in that window.</param>
    /// <param name="previous">Requests admitted in the window before it.</param>
    /// <param name="now">The time now.</param>
    /// <param name="window">The window's length.</param>
    /// <returns>The counters of the window that holds <paramref name="now"/>.</returns>
    public static (long Start, long Current, long Previous) Roll(long start, long current, long previous, long now, long window)
    {
        var windowStart = now - (now % window);
        if (windowStart == start)
        {
            return (start, current, previous);
        }

        return (windowStart, 0, windowStart - start == window ? current : 0);
    }

    /// <summary>Requests counted in the sliding window that ends <paramref name="elapsed"/> into the current window.</summary>
    /// <param name="current">Requests admitted in the current window.</param>
    /// <param name="previous">Requests admitted in the previous window.</param>
    /// <param name="elapsed">Time since the current window started.</param>
    /// <param name="window">The window's length.</param>
    /// <returns>The weighted count.</returns>
    public static double Estimate(long current, long previous, long elapsed, long window) =>
        (previous * (double)(window - elapsed) / window) + current;

    /// <summary>The decision's header values, from the counters after the request was counted (or refused).</summary>
    /// <param name="allowed">Whether the request was admitted.</param>
    /// <param name="limit">The budget's requests per window.</param>
    /// <param name="start">Start of the current window.</param>
    /// <param name="current">Requests admitted in the current window, this one included if admitted.</param>
    /// <param name="previous">Requests admitted in the previous window.</param>
    /// <param name="now">The time now.</param>
    /// <param name="window">The window's length.</param>
    /// <returns>The decision.</returns>
    public static RateLimitDecision Decide(bool allowed, int limit, long start, long current, long previous, long now, long window)
    {
        var elapsed = now - start;
        var estimate = Estimate(current, previous, elapsed, window);
        var remaining = (int)Math.Max(0, Math.Floor(limit - estimate));

        // The whole budget is back once this window's count has decayed out of the next window.
        var reset = current > 0 ? (2 * window) - elapsed : previous > 0 ? window - elapsed : 0;
        return new RateLimitDecision(allowed, limit, remaining, TimeSpan.FromMilliseconds(reset), allowed ? TimeSpan.Zero : RetryAfter(limit, current, previous, elapsed, window));
    }

    /// <summary>
    /// The first moment, in milliseconds from the current window's start, at which the estimate leaves room for one more
    /// request if no other request comes.
    /// </summary>
    /// <param name="limit">The budget's requests per window.</param>
    /// <param name="current">Requests admitted in the current window.</param>
    /// <param name="previous">Requests admitted in the previous window.</param>
    /// <param name="window">The window's length.</param>
    /// <returns>The moment; at or before the current time when there is room now.</returns>
    public static double RoomAt(int limit, long current, long previous, long window)
    {
        if (current + 1 <= limit)
        {
            // Later in this window, once enough of the previous window has slid out.
            return previous > 0 ? window * (1 - ((limit - current - 1) / (double)previous)) : 0;
        }

        // In the next window, where this window's count is the one that decays.
        return window + Math.Max(0, window * (1 - ((limit - 1) / (double)current)));
    }

    // RoomAt from now, rounded up to whole seconds, so a retry after exactly that long is admitted.
    private static TimeSpan RetryAfter(int limit, long current, long previous, long elapsed, long window)
    {
        // Whole milliseconds first, ignoring floating-point dust (20000.000000000004 ms is 20 s, not 21).
        var wait = Math.Max(Math.Ceiling(RoomAt(limit, current, previous, window) - elapsed - 1e-6), 1);
        return TimeSpan.FromSeconds(Math.Ceiling(wait / 1000));
    }
}
