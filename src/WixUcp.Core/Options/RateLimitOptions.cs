namespace WixUcp;

/// <summary>
/// Budgets per operation class, each counted per client (the authenticated platform, or the client address) in a
/// sliding window; past a budget, 429 with <c>Retry-After</c>. Every limited answer carries <c>X-RateLimit-Limit</c>,
/// <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset</c>.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Whether requests are rate limited (<c>UCP_RATE_LIMIT_ENABLED</c>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The window every budget is counted over.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Profile discovery (<c>/.well-known/ucp</c>) per client and window.</summary>
    public int Profile { get; set; } = 100;

    /// <summary>Catalog search, lookup and product reads per client and window.</summary>
    public int Catalog { get; set; } = 60;

    /// <summary>Checkout operations per client and window.</summary>
    public int Checkout { get; set; } = 30;

    /// <summary>Order queries per client and window.</summary>
    public int Orders { get; set; } = 30;

    /// <summary>Fetches of platform profiles not yet cached, per client and window.</summary>
    public int ProfileFetches { get; set; } = 20;

    /// <summary>Most clients the in-memory limiter tracks at once; past it, idle ones are dropped and new ones refused.</summary>
    public int MaxTrackedClients { get; set; } = 100_000;

    /// <summary>What the Redis limiter does while Redis cannot be reached.</summary>
    public RateLimitStoreFailure StoreFailure { get; set; } = RateLimitStoreFailure.FailOpen;

    /// <summary>The budget of a policy.</summary>
    /// <param name="policy">One of <see cref="RateLimiting.UcpRateLimitPolicies"/>.</param>
    /// <returns>Its budget.</returns>
    public RateLimiting.RateLimitBudget BudgetFor(string policy) => new(policy switch
    {
        RateLimiting.UcpRateLimitPolicies.Profile => Profile,
        RateLimiting.UcpRateLimitPolicies.Catalog => Catalog,
        RateLimiting.UcpRateLimitPolicies.Checkout => Checkout,
        RateLimiting.UcpRateLimitPolicies.Orders => Orders,
        RateLimiting.UcpRateLimitPolicies.ProfileFetches => ProfileFetches,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown rate-limit policy."),
    }, Window);
}
