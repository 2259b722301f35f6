namespace WixUcp.Catalog;

/// <summary>A catalog search. Prices are minor units of the store currency.</summary>
public sealed record CatalogSearchQuery
{
    /// <summary>Free-text query, trimmed; null when the search uses filters only.</summary>
    public string? Text { get; init; }

    /// <summary>Any of these categories matches (OR).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Lowest price to include (inclusive), in minor units; null for no lower bound.</summary>
    public long? MinPrice { get; init; }

    /// <summary>Highest price to include (inclusive), in minor units; null for no upper bound.</summary>
    public long? MaxPrice { get; init; }

    /// <summary>How many matching products to skip before this page starts (zero-based).</summary>
    public int Offset { get; init; }

    /// <summary>Most products to return on this page; already capped by the server's maximum page size.</summary>
    public int Limit { get; init; } = 10;
}
