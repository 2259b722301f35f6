using WixUcp.Tenancy;

namespace WixUcp.Catalog;

/// <summary>Read access to the store's catalog.</summary>
public interface ICatalogBackend
{
    /// <summary>Products matching a query, ordered by relevance, one page at a time.</summary>
    /// <param name="tenant">The store whose catalog is searched.</param>
    /// <param name="query">The search text, filters and page window (offset and limit).</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The requested page, saying whether more results follow.</returns>
    ValueTask<CatalogPage> SearchAsync(UcpTenant tenant, CatalogSearchQuery query, CancellationToken cancellationToken);

    /// <summary>Products any of whose product id, handle, variant id or SKU is in <paramref name="ids"/>.</summary>
    /// <param name="tenant">The store whose catalog is read.</param>
    /// <param name="ids">Distinct opaque ids to look up; each may be a product id, a variant id, a handle or a SKU.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The matching products with all their variants, in any order; ids that match nothing are simply absent.</returns>
    ValueTask<IReadOnlyList<CatalogProduct>> LookupAsync(UcpTenant tenant, IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
}
