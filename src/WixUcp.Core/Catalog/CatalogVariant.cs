namespace WixUcp.Catalog;

/// <summary>A purchasable variant. Its id is what checkout line items reference.</summary>
public sealed record CatalogVariant
{
    /// <summary>The store's opaque variant id; checkout line items use it as their item id.</summary>
    public required string Id { get; init; }

    /// <summary>Buyer-facing variant name, for example <c>T-shirt - Large / Blue</c>.</summary>
    public required string Title { get; init; }

    /// <summary>Variant-specific description; null when the product description applies.</summary>
    public string? Description { get; init; }

    /// <summary>The merchant's stock-keeping unit; lookup accepts it in place of the id. Null when the store has none.</summary>
    public string? Sku { get; init; }

    /// <summary>Unit price in minor units.</summary>
    public required long Price { get; init; }

    /// <summary>The regular (compare-at) price in minor units, shown crossed out when higher than <see cref="Price"/>; null when there is none.</summary>
    public long? ListPrice { get; init; }

    /// <summary>ISO 4217 currency of <see cref="Price"/> and <see cref="ListPrice"/>.</summary>
    public required string Currency { get; init; }

    /// <summary>Whether the variant can be bought now.</summary>
    public bool Available { get; init; } = true;

    /// <summary>Finer availability state, for example <c>in_stock</c> or <c>out_of_stock</c>; null when not known.</summary>
    public string? AvailabilityStatus { get; init; }

    /// <summary>The option values that set this variant apart, for example Size = Large; empty for a single-variant product.</summary>
    public IReadOnlyList<CatalogOptionValue> Options { get; init; } = [];

    /// <summary>Variant-specific pictures and other media, main one first.</summary>
    public IReadOnlyList<CatalogMedia> Media { get; init; } = [];
}
