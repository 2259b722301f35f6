namespace WixUcp.Catalog;

/// <summary>Read access to the store's catalog.</summary>
public interface ICatalogBackend
{
    /// <summary>Products matching a query, ordered by relevance, one page at a time.</summary>
    ValueTask<CatalogPage> SearchAsync(CatalogSearchQuery query, CancellationToken cancellationToken);

    /// <summary>Products any of whose product id, variant id or SKU is in <paramref name="ids"/>.</summary>
    ValueTask<IReadOnlyList<CatalogProduct>> LookupAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
}
