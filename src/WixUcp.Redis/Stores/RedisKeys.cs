namespace WixUcp.Redis.Stores;

/// <summary>
/// Key names (documented in the package README). A tenant's keys share a Cluster hash tag (<c>{tenant}</c>), so a
/// future script over several of one tenant's keys stays on one slot.
/// </summary>
internal static class RedisKeys
{
    public static string CheckoutSession(string prefix, string tenantId, string checkoutId) => $"{prefix}{{{tenantId}}}:checkout:{checkoutId}";

    public static string Cart(string prefix, string tenantId, string cartId) => $"{prefix}{{{tenantId}}}:cart:{cartId}";

    public static string OpenCheckouts(string prefix, string tenantId) => $"{prefix}{{{tenantId}}}:open-checkouts";

    public static string Idempotency(string prefix, string scopedKey) => $"{prefix}idempotency:{scopedKey}";

    public static string Signature(string prefix, string signatureHash) => $"{prefix}signature:{signatureHash}";

    public static string RateLimit(string prefix, string policy, string client) => $"{prefix}ratelimit:{policy}:{client}";
}
