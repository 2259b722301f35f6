using WixUcp.Authentication;
using WixUcp.Operations;

namespace WixUcp.Tenancy;

/// <summary>
/// The store a call is for is the one its credential is bound to (an API key issued for a store); calls without such a
/// credential, and credentials bound to the default store, are for <see cref="UcpTenant.Default"/>. A key bound to the
/// configured Wix instance is the default store too, as that instance's webhooks are.
/// </summary>
internal sealed class CallerTenantResolver(Microsoft.Extensions.Options.IOptions<WixUcpOptions> options) : ITenantResolver
{
    public ValueTask<UcpTenant> ResolveAsync(UcpCall ucpCall, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ucpCall.Caller?.FindFirst(UcpClaimTypes.Instance)?.Value is { Length: > 0 } instance
            && instance != UcpTenant.Default.Id && instance != options.Value.Wix.InstanceId
            ? new UcpTenant { Id = instance }
            : UcpTenant.Default);
}
