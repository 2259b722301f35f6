namespace WixUcp.Catalog;

/// <summary>A page of search results with the cursor for the next page (null on the last page).</summary>
internal sealed record CatalogSearchResult(IReadOnlyList<CatalogProduct> Products, string? NextCursor, int? TotalCount);
