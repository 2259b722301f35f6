namespace WixUcp.Catalog;

/// <summary>A page of search results with the cursor for the next page (null on the last page).</summary>
/// <param name="Products">The products on this page, most relevant first.</param>
/// <param name="NextCursor">Opaque cursor that fetches the next page; null on the last page.</param>
/// <param name="TotalCount">How many products match in all; null when the backend does not know.</param>
internal sealed record CatalogSearchResult(IReadOnlyList<CatalogProduct> Products, string? NextCursor, int? TotalCount);
