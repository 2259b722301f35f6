namespace WixUcp.Catalog;

/// <summary>A product with at least one variant.</summary>
public sealed record CatalogProduct
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public string? Handle { get; init; }
    public Uri? Url { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<CatalogMedia> Media { get; init; } = [];
    public required IReadOnlyList<CatalogVariant> Variants { get; init; }
}
