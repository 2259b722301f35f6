namespace WixUcp.Tenancy;

/// <summary>
/// The merchant (store) a request is served for. One deployment can serve many stores, so every stored record,
/// store key and idempotency scope carries the tenant.
/// </summary>
public sealed record UcpTenant
{
    /// <summary>The tenant of a single-store deployment such as the embedded sandbox.</summary>
    public static UcpTenant Default { get; } = new() { Id = "default" };

    /// <summary>A stable, opaque tenant id (for a Wix store, the app instance id).</summary>
    public required string Id { get; init; }
}
