namespace WixUcp.Wix;

/// <summary>How one store's calls authenticate to Wix: as an app instance, or with an owner's API key and site id.</summary>
/// <param name="TenantId">The UCP tenant the site serves.</param>
/// <param name="InstanceId">The app instance (client-credentials tokens), or null in API-key mode.</param>
/// <param name="ApiKey">The API key, or null in app mode.</param>
/// <param name="SiteId">The site an API key acts on.</param>
internal sealed record WixSite(string TenantId, string? InstanceId, string? ApiKey = null, string? SiteId = null)
{
    /// <summary>A key that names the site in caches (never the API key itself).</summary>
    public string CacheKey => InstanceId ?? "site:" + SiteId;
}
