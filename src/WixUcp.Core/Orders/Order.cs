using WixUcp.Commerce;

namespace WixUcp.Orders;

/// <summary>A placed order: the full snapshot that Get Order returns and webhooks carry.</summary>
public sealed record Order
{
    public required string Id { get; init; }
    public string? Label { get; init; }
    public required string CheckoutId { get; init; }
    public required Uri PermalinkUrl { get; init; }
    public required string Currency { get; init; }
    public required IReadOnlyList<OrderLine> Lines { get; init; }
    public IReadOnlyList<FulfillmentExpectation> Expectations { get; init; } = [];
    public IReadOnlyList<FulfillmentEvent> Events { get; init; } = [];
    public required IReadOnlyList<Total> Totals { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The profile URL of the platform the order came from; only that platform may read it.</summary>
    public string? PlatformProfile { get; init; }
    public long Version { get; init; }
}
