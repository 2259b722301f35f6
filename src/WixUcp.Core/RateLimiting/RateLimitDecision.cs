namespace WixUcp.RateLimiting;

/// <summary>What a limiter decided, in the terms of the <c>X-RateLimit-*</c> and <c>Retry-After</c> headers.</summary>
/// <param name="IsAllowed">Whether the request was counted and may run.</param>
/// <param name="Limit">The budget's requests per window.</param>
/// <param name="Remaining">Requests that would still be admitted now.</param>
/// <param name="Reset">Until the whole budget is available again, with no further requests.</param>
/// <param name="RetryAfter">For a refused request: until a retry is admitted (with no other requests meanwhile).</param>
public readonly record struct RateLimitDecision(bool IsAllowed, int Limit, int Remaining, TimeSpan Reset, TimeSpan RetryAfter)
{
    /// <summary>A request let through without counting (the shared store was unreachable and the policy fails open).</summary>
    /// <param name="limit">The budget's requests per window.</param>
    /// <returns>An allowed decision that reports the whole budget.</returns>
    public static RateLimitDecision Unmetered(int limit) => new(true, limit, limit, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Whether the decision was made without the limiter's shared store (unreachable): by the store-failure policy.</summary>
    public bool StoreUnavailable { get; init; }
}
