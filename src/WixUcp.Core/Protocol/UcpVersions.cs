namespace WixUcp.Protocol;

/// <summary>Protocol versions this server speaks. Which is current is decided by the registered versions, not here.</summary>
public static class UcpVersions
{
    /// <summary>UCP 2026-01-23 (its documents still name 2026-01-11; platforms declaring either are answered in it).</summary>
    public const string V20260123 = "2026-01-23";

    /// <summary>UCP 2026-04-08.</summary>
    public const string V20260408 = "2026-04-08";

    /// <summary>UCP 2026-08-25.</summary>
    public const string V20260825 = "2026-08-25";
}
