using Microsoft.Extensions.Options;
using WixUcp.Commerce;
using WixUcp.Tenancy;

namespace WixUcp.Wix;

/// <summary>
/// Which Wix site serves a tenant. Single-site mode: the configured app instance (or API key and site id) serves every
/// call. Installed app instances (one tenant per instance) are the multi-site source.
/// </summary>
internal sealed class WixSites(IOptions<WixUcpOptions> options)
{
    public WixSite Resolve(UcpTenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var wix = options.Value.Wix;
        if (!string.IsNullOrEmpty(wix.ApiKey))
        {
            return new WixSite(tenant.Id, null, wix.ApiKey, wix.SiteId);
        }

        return !string.IsNullOrEmpty(wix.InstanceId)
            ? new WixSite(tenant.Id, wix.InstanceId)
            : throw new CommerceBackendException($"No Wix site serves tenant {tenant.Id}.");
    }

    /// <summary>The tenant an app instance serves, or null for an instance this deployment does not serve.</summary>
    public UcpTenant? TenantOf(string instanceId) =>
        string.Equals(options.Value.Wix.InstanceId, instanceId, StringComparison.Ordinal) ? UcpTenant.Default : null;
}
