namespace WixUcp.Catalog;

/// <summary>A search request decoded from any protocol version.</summary>
internal sealed record CatalogSearchInput
{
    public string? Text { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public long? MinPrice { get; init; }
    public long? MaxPrice { get; init; }
    public string? Cursor { get; init; }
    public int? Limit { get; init; }
}
