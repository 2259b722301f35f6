namespace WixUcp.Catalog;

/// <summary>A product with at least one variant.</summary>
public sealed record CatalogProduct
{
    /// <summary>The store's opaque product id.</summary>
    public required string Id { get; init; }

    /// <summary>Buyer-facing product name.</summary>
    public required string Title { get; init; }

    /// <summary>Buyer-facing product description (plain text).</summary>
    public required string Description { get; init; }

    /// <summary>URL-friendly product name (slug); lookup accepts it in place of the id. Null when the store has none.</summary>
    public string? Handle { get; init; }

    /// <summary>The product's page on the storefront; null when there is none.</summary>
    public Uri? Url { get; init; }

    /// <summary>Category names the product belongs to; searches can filter by them.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Free-form keywords the store attached to the product.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Product-level pictures and other media, main one first.</summary>
    public IReadOnlyList<CatalogMedia> Media { get; init; } = [];

    /// <summary>The purchasable variants of the product; never empty.</summary>
    public required IReadOnlyList<CatalogVariant> Variants { get; init; }
}
