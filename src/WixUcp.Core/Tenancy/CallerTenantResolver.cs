using WixUcp.Authentication;
using WixUcp.Operations;

namespace WixUcp.Tenancy;

/// <summary>
/// The store a call is for is the one its credential is bound to (an API key issued for a store); calls without such a
/// credential, and credentials bound to the default store, are for <see cref="UcpTenant.Default"/>.
/// </summary>
internal sealed class CallerTenantResolver : ITenantResolver
{
    public ValueTask<UcpTenant> ResolveAsync(UcpCall ucpCall, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ucpCall.Caller?.FindFirst(UcpClaimTypes.Instance)?.Value is { Length: > 0 } instance && instance != UcpTenant.Default.Id
            ? new UcpTenant { Id = instance }
            : UcpTenant.Default);
}
