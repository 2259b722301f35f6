using System.Text.Json.Nodes;

namespace WixUcp.FakeWix.Checkout;

/// <summary>A stored checkout; prices, availability and shipping options are recalculated on every read, as Wix does.</summary>
internal sealed class CheckoutRecord
{
    public required string Id { get; init; }

    public required string ChannelType { get; init; }

    public List<CheckoutLine> Lines { get; } = [];

    public JsonObject BuyerInfo { get; set; } = [];

    public JsonObject? BillingInfo { get; set; }

    public JsonObject? ShippingDestination { get; set; }

    public string? SelectedShippingCode { get; set; }

    public string? CouponCode { get; set; }

    public string? OrderId { get; set; }

    public bool Completed { get; set; }

    public required DateTimeOffset CreatedDate { get; init; }

    public required DateTimeOffset UpdatedDate { get; set; }
}

/// <summary>A checkout line as created: what the caller referenced.</summary>
internal sealed class CheckoutLine
{
    public required string Id { get; init; }

    public required int Quantity { get; init; }

    public required string CatalogItemId { get; init; }

    public required string AppId { get; init; }

    public string? VariantId { get; init; }

    public Dictionary<string, string>? Choices { get; init; }

    public JsonObject? Options { get; init; }
}
