namespace WixUcp.RateLimiting;

/// <summary>The names of the budgets, one per operation class (the framework's rate-limiting policies carry them).</summary>
public static class UcpRateLimitPolicies
{
    /// <summary><c>/.well-known/ucp</c>: profile discovery.</summary>
    public const string Profile = "ucp.profile";

    /// <summary>Catalog search, lookup and product reads.</summary>
    public const string Catalog = "ucp.catalog";

    /// <summary>Checkout operations.</summary>
    public const string Checkout = "ucp.checkout";

    /// <summary>Order queries.</summary>
    public const string Orders = "ucp.orders";

    /// <summary>Fetches of platform profiles not yet cached, so a flood of new <c>UCP-Agent</c> URLs is bounded.</summary>
    public const string ProfileFetches = "ucp.profile_fetches";
}
