namespace WixUcp.Protocol;

/// <summary>Protocol versions this server speaks.</summary>
public static class UcpVersions
{
    /// <summary>The current wire format.</summary>
    public const string V20260408 = "2026-04-08";

    public const string Current = V20260408;
}
