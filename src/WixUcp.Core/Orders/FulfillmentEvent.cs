namespace WixUcp.Orders;

/// <summary>Something that happened to shipped lines (append-only).</summary>
public sealed record FulfillmentEvent
{
    /// <summary>Opaque id of the event, unique within the order.</summary>
    public required string Id { get; init; }

    /// <summary>When the event happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Open vocabulary: processing, shipped, in_transit, delivered...</summary>
    public required string Type { get; init; }

    /// <summary>The order lines, and how many units of each, the event concerns.</summary>
    public required IReadOnlyList<OrderLineQuantity> Lines { get; init; }

    /// <summary>The carrier's tracking number; null when not tracked.</summary>
    public string? TrackingNumber { get; init; }

    /// <summary>Where the buyer can follow the shipment; null when not tracked.</summary>
    public Uri? TrackingUrl { get; init; }

    /// <summary>Name of the carrier handling the shipment, for example <c>UPS</c>.</summary>
    public string? Carrier { get; init; }

    /// <summary>Buyer-facing note about the event.</summary>
    public string? Description { get; init; }
}
