namespace WixUcp.Catalog;

/// <summary>One page of search results.</summary>
public sealed record CatalogPage(IReadOnlyList<CatalogProduct> Products, bool HasMore, int? TotalCount);
