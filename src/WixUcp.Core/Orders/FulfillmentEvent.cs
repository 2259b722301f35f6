namespace WixUcp.Orders;

/// <summary>Something that happened to shipped lines (append-only).</summary>
public sealed record FulfillmentEvent
{
    public required string Id { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Open vocabulary: processing, shipped, in_transit, delivered...</summary>
    public required string Type { get; init; }
    public required IReadOnlyList<OrderLineQuantity> Lines { get; init; }
    public string? TrackingNumber { get; init; }
    public Uri? TrackingUrl { get; init; }
    public string? Carrier { get; init; }
    public string? Description { get; init; }
}
