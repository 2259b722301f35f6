namespace WixUcp;

/// <summary>Which UCP protocol versions this server presents and serves.</summary>
public sealed class ProtocolOptions
{
    /// <summary>
    /// The version <c>/.well-known/ucp</c> presents (<c>WixUcp:Protocol:Current</c>); the older registered versions are
    /// served through its <c>supported_versions</c>, and newer ones not at all. Null: the newest registered version.
    /// </summary>
    public string? Current { get; set; }
}
