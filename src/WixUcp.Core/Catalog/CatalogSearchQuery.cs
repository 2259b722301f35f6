namespace WixUcp.Catalog;

/// <summary>A catalog search. Prices are minor units of the store currency.</summary>
public sealed record CatalogSearchQuery
{
    public string? Text { get; init; }

    /// <summary>Any of these categories matches (OR).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
    public long? MinPrice { get; init; }
    public long? MaxPrice { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = 10;
}
