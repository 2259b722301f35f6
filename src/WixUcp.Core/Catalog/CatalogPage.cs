namespace WixUcp.Catalog;

/// <summary>One page of search results, as a catalog backend returns it for a <see cref="CatalogSearchQuery"/>.</summary>
public sealed record CatalogPage
{
    /// <summary>The products on this page, most relevant first; at most <see cref="CatalogSearchQuery.Limit"/> of them.</summary>
    public required IReadOnlyList<CatalogProduct> Products { get; init; }

    /// <summary>Whether more matching products follow this page; when true the buyer is offered a next-page cursor.</summary>
    public required bool HasMore { get; init; }

    /// <summary>How many products match the query in all; null when the backend does not know.</summary>
    public int? TotalCount { get; init; }
}
