using Microsoft.Extensions.Options;
using WixUcp.Commerce;
using WixUcp.Installations;
using WixUcp.Tenancy;

namespace WixUcp.Wix;

/// <summary>
/// Which Wix site serves a tenant. The default tenant is the configured site (an app instance, or an API key and site
/// id); any other tenant is an app instance that installed the app (recorded by its <c>AppInstalled</c> webhook), and
/// is served with the app's client-credentials tokens for that instance. An instance that is not installed is refused.
/// </summary>
internal sealed class WixSites(IOptions<WixUcpOptions> options, IAppInstanceStore instances)
{
    public async ValueTask<WixSite> ResolveAsync(UcpTenant tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var wix = options.Value.Wix;
        if (tenant == UcpTenant.Default)
        {
            if (!string.IsNullOrEmpty(wix.ApiKey))
            {
                return new WixSite(tenant.Id, null, wix.ApiKey, wix.SiteId);
            }

            return !string.IsNullOrEmpty(wix.InstanceId)
                ? new WixSite(tenant.Id, wix.InstanceId)
                : throw new CommerceBackendException("No Wix site is configured for the default store (WixUcp:Wix:InstanceId).");
        }

        return await instances.GetAsync(tenant.Id, cancellationToken).ConfigureAwait(false) is not null && !string.IsNullOrEmpty(wix.AppId)
            ? new WixSite(tenant.Id, tenant.Id)
            : throw new CommerceBackendException($"Store {tenant.Id} has no installation of the Wix app.");
    }

    /// <summary>The tenant an app instance serves: the default store for the configured instance, else its own.</summary>
    public UcpTenant TenantOf(string instanceId) =>
        string.Equals(options.Value.Wix.InstanceId, instanceId, StringComparison.Ordinal) ? UcpTenant.Default : new UcpTenant { Id = instanceId };
}
