namespace WixUcp.Catalog;

/// <summary>Products found by lookup and the requested ids that matched nothing.</summary>
internal sealed record CatalogLookupResult(IReadOnlyList<LookupProduct> Products, IReadOnlyList<string> NotFoundIds);
