namespace WixUcp.Health;

/// <summary>Tags of the health checks the WixUcp packages register, for the endpoints that select them.</summary>
public static class UcpHealthTags
{
    /// <summary>
    /// Checks that must pass before the server takes traffic: stores, signing keys, the commerce backend, and not
    /// shutting down. <c>/health/ready</c> runs these.
    /// </summary>
    public const string Ready = "ready";
}
