using WixUcp.Commerce;

namespace WixUcp.Orders;

/// <summary>A buyer-facing promise of how lines will be delivered.</summary>
public sealed record FulfillmentExpectation
{
    public required string Id { get; init; }
    public required IReadOnlyList<OrderLineQuantity> Lines { get; init; }

    /// <summary><c>shipping</c>, <c>pickup</c> or <c>digital</c>.</summary>
    public required string MethodType { get; init; }
    public required PostalAddress Destination { get; init; }
    public string? Description { get; init; }
}
