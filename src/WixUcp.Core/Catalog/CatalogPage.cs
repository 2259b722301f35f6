namespace WixUcp.Catalog;

/// <summary>One page of search results, as a catalog backend returns it for a <see cref="CatalogSearchQuery"/>.</summary>
/// <param name="Products">The products on this page, most relevant first; at most <see cref="CatalogSearchQuery.Limit"/> of them.</param>
/// <param name="HasMore">Whether more matching products follow this page; when true the buyer is offered a next-page cursor.</param>
/// <param name="TotalCount">How many products match the query in all; null when the backend does not know.</param>
public sealed record CatalogPage(IReadOnlyList<CatalogProduct> Products, bool HasMore, int? TotalCount);
