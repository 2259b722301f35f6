using WixUcp.Catalog;
using WixUcp.Tenancy;

namespace WixUcp.Diagnostics;

/// <summary>The configured catalog backend, with each call timed and counted (<c>wixucp.backend.duration</c>) and traced.</summary>
internal sealed class MeasuredCatalogBackend(ICatalogBackend inner, WixUcpMetrics metrics) : ICatalogBackend
{
    public ValueTask<CatalogPage> SearchAsync(UcpTenant tenant, CatalogSearchQuery query, CancellationToken cancellationToken) =>
        WixUcpActivities.MeasureAsync(metrics, "search", () => inner.SearchAsync(tenant, query, cancellationToken));

    public ValueTask<IReadOnlyList<CatalogProduct>> LookupAsync(UcpTenant tenant, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        WixUcpActivities.MeasureAsync(metrics, "lookup", () => inner.LookupAsync(tenant, ids, cancellationToken));
}
