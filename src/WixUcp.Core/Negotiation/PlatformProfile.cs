namespace WixUcp.Negotiation;

/// <summary>What a platform's profile says about it, reduced to what negotiation and later calls need.</summary>
public sealed record PlatformProfile
{
    /// <summary>Where the profile was fetched from: the platform's identity for sessions and orders.</summary>
    public required Uri Url { get; init; }

    /// <summary>The protocol version the platform speaks (YYYY-MM-DD).</summary>
    public required string Version { get; init; }

    /// <summary>Capability name to the versions the platform supports.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Capabilities { get; init; }

    /// <summary>From the fulfillment capability config: whether several groups per method are understood.</summary>
    public bool SupportsMultiGroup { get; init; }

    /// <summary>From the order capability config: where order webhooks go.</summary>
    public Uri? OrderWebhookUrl { get; init; }

    /// <summary>The deviations from the specification accepted while reading the profile (Tolerant mode); empty when none.</summary>
    public IReadOnlyList<string> Tolerances { get; init; } = [];

    /// <summary>
    /// The platform's published P-256 keys (<c>keys</c> from 2026-08-25, else <c>signing_keys</c>), which verify its
    /// RFC 9421 request signatures.
    /// </summary>
    public IReadOnlyList<WixUcp.Signatures.PublicSigningKey> SigningKeys { get; init; } = [];
}
