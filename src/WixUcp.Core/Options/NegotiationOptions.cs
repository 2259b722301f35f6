namespace WixUcp;

/// <summary>How platform profiles named in the <c>UCP-Agent</c> header are fetched and cached for capability negotiation.</summary>
public sealed class NegotiationOptions
{
    /// <summary>
    /// <see cref="NegotiationMode.Tolerant"/> (the default) accepts the profile shapes platforms publish in the field;
    /// <see cref="NegotiationMode.Strict"/> applies the specification to the letter.
    /// </summary>
    public NegotiationMode Mode { get; set; } = NegotiationMode.Tolerant;

    /// <summary>
    /// Allows <c>http://</c> platform profiles on loopback hosts (localhost, 127.0.0.0/8, ::1). For local development
    /// and tests only; production platforms must serve their profile over HTTPS.
    /// </summary>
    public bool AllowInsecureLoopbackProfiles { get; set; }

    /// <summary>
    /// The longest a fetched platform profile is reused; a shorter <c>max-age</c> of the profile wins. Never below 60
    /// seconds, whatever is set.
    /// </summary>
    public TimeSpan ProfileCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Total time allowed to fetch one platform profile.</summary>
    public TimeSpan ProfileFetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest platform profile accepted, in bytes.</summary>
    public int MaxProfileBytes { get; set; } = 256 * 1024;

    /// <summary>Ports other than 443 that platform profiles may be fetched from (public addresses only).</summary>
    public IList<int> AllowedProfilePorts { get; } = [];

    /// <summary>Most platform profiles being fetched at once; beyond that, calls naming a new profile get 503 until one finishes.</summary>
    public int MaxConcurrentProfileFetches { get; set; } = 8;

    /// <summary>Most platform profiles kept in the cache at once.</summary>
    public int MaxCachedProfiles { get; set; } = 1024;
}
