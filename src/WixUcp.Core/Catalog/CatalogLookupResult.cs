namespace WixUcp.Catalog;

/// <summary>Products found by lookup and the requested ids that matched nothing.</summary>
/// <param name="Products">The products that answer at least one requested id, each trimmed to its answering variants.</param>
/// <param name="NotFoundIds">Requested ids that matched no product, variant, handle or SKU, in request order.</param>
internal sealed record CatalogLookupResult(IReadOnlyList<LookupProduct> Products, IReadOnlyList<string> NotFoundIds);
