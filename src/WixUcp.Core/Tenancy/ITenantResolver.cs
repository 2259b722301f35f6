using WixUcp.Operations;

namespace WixUcp.Tenancy;

/// <summary>
/// Decides which merchant a UCP call is for. The embedded default serves one fixed tenant; a multi-store host
/// resolves it from the authenticated caller (<see cref="UcpCall.Caller"/>), for example an API key bound to a store.
/// </summary>
public interface ITenantResolver
{
    /// <summary>Returns the tenant of <paramref name="ucpCall"/>.</summary>
    /// <param name="ucpCall">The call as the transport received it.</param>
    /// <param name="cancellationToken">Cancels the resolution.</param>
    /// <returns>The tenant; never null.</returns>
    ValueTask<UcpTenant> ResolveAsync(UcpCall ucpCall, CancellationToken cancellationToken);
}
