using WixUcp.Operations;

namespace WixUcp.Tenancy;

/// <summary>Every call belongs to <see cref="UcpTenant.Default"/>: the embedded sandbox and single-store hosts.</summary>
internal sealed class SingleTenantResolver : ITenantResolver
{
    public ValueTask<UcpTenant> ResolveAsync(UcpCall ucpCall, CancellationToken cancellationToken) => ValueTask.FromResult(UcpTenant.Default);
}
