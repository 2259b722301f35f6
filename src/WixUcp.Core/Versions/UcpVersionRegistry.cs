namespace WixUcp.Versions;

/// <summary>
/// The protocol versions served: the current one (<c>WixUcp:Protocol:Current</c>, else the newest registered) and every
/// older registered one; negotiation picks one per request.
/// </summary>
internal sealed class UcpVersionRegistry
{
    private readonly Dictionary<string, UcpProtocolVersion> _byVersion;

    public UcpVersionRegistry(IEnumerable<UcpProtocolVersion> versions, Microsoft.Extensions.Options.IOptions<WixUcpOptions>? options = null)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var registered = versions.DistinctBy(v => v.Version).OrderByDescending(v => v.Version, StringComparer.Ordinal).ToList();
        if (registered.Count == 0)
        {
            throw new InvalidOperationException("No UCP protocol version is registered; AddWixUcp() registers them.");
        }

        var current = options?.Value.Protocol.Current;
        if (current is not null && registered.All(v => v.Version != current))
        {
            throw new InvalidOperationException(
                $"WixUcp:Protocol:Current is {current}, which this server does not speak; set one of {string.Join(", ", registered.Select(v => v.Version))}, or leave it unset for the newest.");
        }

        // Newer versions than the current one are not served: a business presents its newest version at /.well-known/ucp.
        All = current is null ? registered : registered.SkipWhile(v => v.Version != current).ToList();

        _byVersion = All.ToDictionary(v => v.Version, StringComparer.Ordinal);
    }

    /// <summary>The version <c>/.well-known/ucp</c> describes: the newest one served.</summary>
    public UcpProtocolVersion Current => All[0];

    /// <summary>Every version served, newest (the current one) first.</summary>
    public IReadOnlyList<UcpProtocolVersion> All { get; }

    /// <summary>The version whose profile and codec are <paramref name="version"/> exactly.</summary>
    public bool TryGet(string version, out UcpProtocolVersion protocolVersion) =>
        _byVersion.TryGetValue(version, out protocolVersion!);

    /// <summary>The version that answers a platform declaring <paramref name="platformVersion"/> (its own, or an alias).</summary>
    public bool TryGetForPlatform(string platformVersion, out UcpProtocolVersion protocolVersion)
    {
        protocolVersion = All.FirstOrDefault(v => v.AnswersPlatformVersions.Contains(platformVersion, StringComparer.Ordinal))!;
        return protocolVersion is not null;
    }

    /// <summary>
    /// Whose error rules refuse a platform declaring <paramref name="platformVersion"/>, which no served version answers:
    /// the newest served version not newer than it (a January platform gets January's 400), else the oldest served.
    /// </summary>
    public UcpProtocolVersion RulesFor(string platformVersion) =>
        All.FirstOrDefault(v => string.CompareOrdinal(v.Version, platformVersion) <= 0) ?? All[^1];

    public UcpProtocolVersion Get(string version) =>
        TryGet(version, out var found) ? found : throw new ArgumentOutOfRangeException(nameof(version), version, "No such protocol version is registered.");
}
