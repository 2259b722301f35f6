namespace WixUcp.Installations;

/// <summary>A store's installation of the app (for Wix, one site): what the server needs to call the store's API.</summary>
public sealed record AppInstance
{
    /// <summary>The app instance id: the tenant id of the store.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The current access token for the store's API; a secret, encrypted at rest.</summary>
    public string? AccessToken { get; init; }

    /// <summary>When <see cref="AccessToken"/> expires.</summary>
    public DateTimeOffset? TokenExpiresAt { get; init; }

    /// <summary>The store's site id.</summary>
    public string? SiteId { get; init; }

    /// <summary>When the app was installed.</summary>
    public required DateTimeOffset InstalledAt { get; init; }

    /// <summary>Per-store settings (not secret).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
