namespace WixUcp.Versions;

/// <summary>The protocol versions registered with <c>AddWixUcp()</c>; negotiation picks one per request.</summary>
internal sealed class UcpVersionRegistry
{
    private readonly Dictionary<string, UcpProtocolVersion> _byVersion;

    public UcpVersionRegistry(IEnumerable<UcpProtocolVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        All = versions.DistinctBy(v => v.Version).OrderByDescending(v => v.Version, StringComparer.Ordinal).ToList();
        if (All.Count == 0)
        {
            throw new InvalidOperationException("No UCP protocol version is registered; AddWixUcp() registers them.");
        }

        _byVersion = All.ToDictionary(v => v.Version, StringComparer.Ordinal);
    }

    /// <summary>The newest version: the one <c>/.well-known/ucp</c> describes.</summary>
    public UcpProtocolVersion Current => All[0];

    /// <summary>Every version, newest first.</summary>
    public IReadOnlyList<UcpProtocolVersion> All { get; }

    public bool TryGet(string version, out UcpProtocolVersion protocolVersion) =>
        _byVersion.TryGetValue(version, out protocolVersion!);

    public UcpProtocolVersion Get(string version) =>
        TryGet(version, out var found) ? found : throw new ArgumentOutOfRangeException(nameof(version), version, "No such protocol version is registered.");
}
