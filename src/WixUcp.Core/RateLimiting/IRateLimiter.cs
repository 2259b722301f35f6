namespace WixUcp.RateLimiting;

/// <summary>
/// Decides whether one more request of a client may run under a budget. The in-memory limiter serves one process; the
/// Redis limiter (<c>AddRedis()</c>) shares every budget between replicas. Called once per request.
/// </summary>
public interface IRateLimiter
{
    /// <summary>Counts the request against the budget if it fits, and says so.</summary>
    /// <param name="policy">The budget's name, such as <see cref="UcpRateLimitPolicies.Checkout"/>.</param>
    /// <param name="client">Who is counted: the authenticated platform, or the client address.</param>
    /// <param name="budget">How many requests per window.</param>
    /// <param name="cancellationToken">Cancels the decision.</param>
    /// <returns>The decision with what the response headers report.</returns>
    ValueTask<RateLimitDecision> AcquireAsync(string policy, string client, RateLimitBudget budget, CancellationToken cancellationToken);
}
