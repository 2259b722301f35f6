using System.Text.Json;
using System.Text.Json.Serialization;

namespace WixUcp.Wix.Wire;

/// <summary><c>GET /stores/v3/provision/version</c>.</summary>
internal sealed class WixCatalogVersionResponse
{
    public string? CatalogVersion { get; init; }
}

/// <summary>A Wix money amount as a decimal string (<c>{amount, formattedAmount}</c>).</summary>
internal sealed class WixAmount
{
    public string? Amount { get; init; }
}

/// <summary>A price range of a V3 product.</summary>
internal sealed class WixPriceRange
{
    public WixAmount? MinValue { get; init; }

    public WixAmount? MaxValue { get; init; }
}

/// <summary>Cursor paging, as V3 and eCommerce take it.</summary>
internal sealed class WixCursorPaging
{
    public int Limit { get; init; }

    public string? Cursor { get; init; }
}

/// <summary>The paging answer of V3 and eCommerce queries.</summary>
internal sealed class WixPagingMetadata
{
    public int? Count { get; init; }

    public WixCursors? Cursors { get; init; }

    public bool? HasNext { get; init; }
}

/// <summary>The cursors of a paged answer.</summary>
internal sealed class WixCursors
{
    public string? Next { get; init; }
}

/// <summary>The body of <c>POST /stores/v3/products/search</c> and <c>/query</c>.</summary>
internal sealed class WixV3ProductSearchRequest
{
    public WixV3Search? Search { get; init; }

    public WixV3Search? Query { get; init; }

    public IReadOnlyList<string> Fields { get; init; } = ["CURRENCY", "URL", "PLAIN_DESCRIPTION", "MEDIA_ITEMS_INFO"];
}

/// <summary>A V3 search or query: free text (search only), a filter object and cursor paging.</summary>
internal sealed class WixV3Search
{
    [JsonPropertyName("search")]
    public WixV3Expression? Expression { get; init; }

    public JsonElement? Filter { get; init; }

    public WixCursorPaging? CursorPaging { get; init; }
}

/// <summary>The free-text part of a V3 search.</summary>
internal sealed class WixV3Expression
{
    public string? Expression { get; init; }
}

/// <summary>The answer of a V3 product search or query.</summary>
internal sealed class WixV3ProductsResponse
{
    public List<WixV3Product> Products { get; init; } = [];

    public WixPagingMetadata? PagingMetadata { get; init; }
}

/// <summary><c>GET /stores/v3/products/{id}</c> and <c>/slug/{slug}</c>.</summary>
internal sealed class WixV3ProductEnvelope
{
    public WixV3Product? Product { get; init; }
}

/// <summary>A Stores V3 product, the members the catalog maps.</summary>
internal sealed class WixV3Product
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Slug { get; init; }

    public bool? Visible { get; init; }

    public string? Currency { get; init; }

    public string? PlainDescription { get; init; }

    /// <summary>A string, or an object with <c>url</c> (the URL field's shape varies between documents).</summary>
    public JsonElement? Url { get; init; }

    public WixPriceRange? ActualPriceRange { get; init; }

    public WixPriceRange? CompareAtPriceRange { get; init; }

    /// <summary>Main media and items; image URLs are read wherever they sit.</summary>
    public JsonElement? Media { get; init; }

    public WixV3VariantsInfo? VariantsInfo { get; init; }
}

/// <summary>The variants of a V3 product.</summary>
internal sealed class WixV3VariantsInfo
{
    public List<WixV3Variant> Variants { get; init; } = [];
}

/// <summary>A V3 variant.</summary>
internal sealed class WixV3Variant
{
    public string? Id { get; init; }

    public string? Sku { get; init; }

    public bool? Visible { get; init; }

    public List<WixV3VariantChoice> Choices { get; init; } = [];

    public WixV3VariantPrice? Price { get; init; }

    public WixV3InventoryStatus? InventoryStatus { get; init; }
}

/// <summary>One option choice of a V3 variant.</summary>
internal sealed class WixV3VariantChoice
{
    public WixV3ChoiceNames? OptionChoiceNames { get; init; }
}

/// <summary>The names of an option choice.</summary>
internal sealed class WixV3ChoiceNames
{
    public string? OptionName { get; init; }

    public string? ChoiceName { get; init; }
}

/// <summary>A V3 variant's prices.</summary>
internal sealed class WixV3VariantPrice
{
    public WixAmount? ActualPrice { get; init; }

    public WixAmount? CompareAtPrice { get; init; }
}

/// <summary>A V3 variant's stock.</summary>
internal sealed class WixV3InventoryStatus
{
    public bool? InStock { get; init; }
}

/// <summary>The body of <c>POST /stores/v1/products/query</c>: filter and sort are JSON-encoded strings.</summary>
internal sealed class WixV1ProductQueryRequest
{
    public required WixV1Query Query { get; init; }

    public bool IncludeVariants { get; init; } = true;

    public bool IncludeHiddenProducts { get; init; }
}

/// <summary>A V1 query.</summary>
internal sealed class WixV1Query
{
    public string? Filter { get; init; }

    public string? Sort { get; init; }

    public required WixV1Paging Paging { get; init; }
}

/// <summary>V1 offset paging (limit at most 100).</summary>
internal sealed class WixV1Paging
{
    public int Limit { get; init; }

    public int Offset { get; init; }
}

/// <summary>The answer of a V1 product query.</summary>
internal sealed class WixV1ProductsResponse
{
    public List<WixV1Product> Products { get; init; } = [];

    public int? TotalResults { get; init; }
}

/// <summary>A Stores V1 product, the members the catalog maps.</summary>
internal sealed class WixV1Product
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Slug { get; init; }

    public bool? Visible { get; init; }

    public string? Description { get; init; }

    public string? Sku { get; init; }

    public WixV1PriceData? PriceData { get; init; }

    public WixV1Stock? Stock { get; init; }

    public JsonElement? Media { get; init; }

    public bool? ManageVariants { get; init; }

    public List<WixV1Variant> Variants { get; init; } = [];

    public WixV1PageUrl? ProductPageUrl { get; init; }
}

/// <summary>V1 prices: numbers, not strings.</summary>
internal sealed class WixV1PriceData
{
    public string? Currency { get; init; }

    public decimal? Price { get; init; }

    public decimal? DiscountedPrice { get; init; }
}

/// <summary>V1 stock of a product or variant.</summary>
internal sealed class WixV1Stock
{
    public bool? InStock { get; init; }

    public int? Quantity { get; init; }

    public bool? TrackInventory { get; init; }

    public bool? TrackQuantity { get; init; }
}

/// <summary>A V1 variant: choices as option name to value, its own price data and stock.</summary>
internal sealed class WixV1Variant
{
    public string? Id { get; init; }

    public Dictionary<string, string> Choices { get; init; } = [];

    public WixV1VariantData? Variant { get; init; }

    public WixV1Stock? Stock { get; init; }
}

/// <summary>What a V1 variant overrides.</summary>
internal sealed class WixV1VariantData
{
    public WixV1PriceData? PriceData { get; init; }

    public string? Sku { get; init; }

    public bool? Visible { get; init; }
}

/// <summary>Where a V1 product's page is.</summary>
internal sealed class WixV1PageUrl
{
    public string? Base { get; init; }

    public string? Path { get; init; }
}
