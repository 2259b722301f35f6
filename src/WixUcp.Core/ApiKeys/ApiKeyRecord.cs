namespace WixUcp.ApiKeys;

/// <summary>
/// An API key as stored: only its keyed hash (HMAC-SHA256 with a server pepper), never the key, with what it may do.
/// </summary>
public sealed record ApiKeyRecord
{
    /// <summary>The keyed hash of the key: the lookup key.</summary>
    public required ReadOnlyMemory<byte> KeyHash { get; init; }

    /// <summary>The key's public handle, for listing and revoking (not a secret).</summary>
    public required string KeyId { get; init; }

    /// <summary>The platform the key belongs to.</summary>
    public required string PlatformId { get; init; }

    /// <summary>The store (app instance) the key acts for.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The platform profile URLs the key may name in <c>UCP-Agent</c>; <c>*</c> for any (development keys).</summary>
    public required IReadOnlyList<string> ProfileUrls { get; init; }

    /// <summary>What the key may do, for example <c>checkout:write</c>.</summary>
    public required IReadOnlyList<string> Permissions { get; init; }

    /// <summary>When the key was issued.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the key stops working; null for never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When the key was last used (updated at most once a minute).</summary>
    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>When the key was revoked; null while active.</summary>
    public DateTimeOffset? RevokedAt { get; init; }
}
