namespace WixUcp.Negotiation;

/// <summary>
/// The outcome of negotiation for one operation: the version to answer in and the active capabilities relevant to it.
/// When <see cref="IsCompatible"/> is false, the operation must answer <c>capabilities_incompatible</c>.
/// </summary>
internal sealed record NegotiationResult
{
    public required string Version { get; init; }
    public required PlatformProfile Platform { get; init; }

    /// <summary>Active capabilities relevant to the operation, name to negotiated version.</summary>
    public required IReadOnlyDictionary<string, string> Capabilities { get; init; }
    public required bool IsCompatible { get; init; }

    public bool IsActive(string capability) => Capabilities.ContainsKey(capability);
}
