namespace WixUcp.Catalog;

/// <summary>A purchasable variant. Its id is what checkout line items reference.</summary>
public sealed record CatalogVariant
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public string? Sku { get; init; }

    /// <summary>Unit price in minor units.</summary>
    public required long Price { get; init; }
    public long? ListPrice { get; init; }
    public required string Currency { get; init; }
    public bool Available { get; init; } = true;
    public string? AvailabilityStatus { get; init; }
    public IReadOnlyList<CatalogOptionValue> Options { get; init; } = [];
    public IReadOnlyList<CatalogMedia> Media { get; init; } = [];
}
