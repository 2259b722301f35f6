namespace WixUcp.FakeWix;

/// <summary>A product as the fake stores it; rendered as V1 or V3 JSON depending on its instance's catalog version.</summary>
public sealed class FakeWixProduct
{
    /// <summary>Product id.</summary>
    public required string Id { get; init; }

    /// <summary>Name.</summary>
    public required string Name { get; set; }

    /// <summary>URL slug.</summary>
    public required string Slug { get; set; }

    /// <summary>Whether shoppers (and app queries, by default) see it.</summary>
    public bool Visible { get; set; } = true;

    /// <summary>PHYSICAL or DIGITAL (V1 renders it lower-case).</summary>
    public string ProductType { get; set; } = "PHYSICAL";

    /// <summary>Plain-text description; rendered as one HTML paragraph, as Wix returns descriptions.</summary>
    public string Description { get; set; } = "";

    /// <summary>Product-level SKU (V1; V3 keeps SKUs on variants).</summary>
    public string Sku { get; set; } = "";

    /// <summary>Price every variant has unless it overrides it.</summary>
    public decimal Price { get; set; }

    /// <summary>Compare-at ("was") price, or null.</summary>
    public decimal? CompareAtPrice { get; set; }

    /// <summary>Main image URL, or null.</summary>
    public string? MainImageUrl { get; set; }

    /// <summary>Options (name and choices), in order.</summary>
    public List<FakeWixProductOption> Options { get; } = [];

    /// <summary>Variants; a product without options has one default variant.</summary>
    public List<FakeWixVariant> Variants { get; } = [];

    /// <summary>V1: whether variants are managed (a product with options and per-choice variants).</summary>
    public bool ManageVariants { get; set; }

    /// <summary>Whether stock quantities are tracked (untracked variants are always in stock).</summary>
    public bool TrackInventory { get; set; } = true;

    /// <summary>Revision, bumped by whoever changes the product.</summary>
    public long Revision { get; set; } = 1;

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedDate { get; set; }

    /// <summary>Last update time.</summary>
    public DateTimeOffset UpdatedDate { get; set; }
}

/// <summary>A product option such as "Color" with its choices.</summary>
public sealed class FakeWixProductOption
{
    /// <summary>Option id (V3).</summary>
    public required string Id { get; init; }

    /// <summary>Option name.</summary>
    public required string Name { get; init; }

    /// <summary>Choice names in order.</summary>
    public List<string> Choices { get; } = [];
}

/// <summary>A purchasable variant.</summary>
public sealed class FakeWixVariant
{
    /// <summary>Variant id (V3 ids like <c>var-mug-white</c>; V1 GUID-like strings).</summary>
    public required string Id { get; init; }

    /// <summary>SKU.</summary>
    public string Sku { get; set; } = "";

    /// <summary>Option name → choice name; empty for a default variant.</summary>
    public Dictionary<string, string> Choices { get; } = new(StringComparer.Ordinal);

    /// <summary>Stock quantity when the product tracks inventory.</summary>
    public int Quantity { get; set; }

    /// <summary>Whether the variant is visible.</summary>
    public bool Visible { get; set; } = true;

    /// <summary>Price override, or null for the product's price.</summary>
    public decimal? Price { get; set; }
}

/// <summary>A coupon the checkout accepts.</summary>
public sealed class FakeWixCoupon
{
    /// <summary>Coupon id.</summary>
    public required string Id { get; init; }

    /// <summary>Code (matched case-insensitively).</summary>
    public required string Code { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Percentage off the subtotal (GLOBAL discount).</summary>
    public decimal PercentOff { get; init; }
}

/// <summary>A shipping option offered to destinations in <see cref="Countries"/>.</summary>
public sealed class FakeWixShippingOption
{
    /// <summary>Option code (what a checkout selects).</summary>
    public required string Code { get; init; }

    /// <summary>Title.</summary>
    public required string Title { get; init; }

    /// <summary>Cost in the site currency.</summary>
    public decimal Price { get; set; }

    /// <summary>Delivery time text, e.g. "3-5 days".</summary>
    public string DeliveryTime { get; init; } = "";

    /// <summary>ISO country codes this option ships to.</summary>
    public HashSet<string> Countries { get; } = new(StringComparer.OrdinalIgnoreCase);
}
