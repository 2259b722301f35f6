using WixUcp.Commerce;

namespace WixUcp.Orders;

/// <summary>A buyer-facing promise of how lines will be delivered.</summary>
public sealed record FulfillmentExpectation
{
    /// <summary>Opaque id of the expectation, unique within the order.</summary>
    public required string Id { get; init; }

    /// <summary>The order lines, and how many units of each, delivered this way.</summary>
    public required IReadOnlyList<OrderLineQuantity> Lines { get; init; }

    /// <summary><c>shipping</c>, <c>pickup</c> or <c>digital</c>.</summary>
    public required string MethodType { get; init; }

    /// <summary>Where the lines go: the shipping address or the pickup location.</summary>
    public required PostalAddress Destination { get; init; }

    /// <summary>Buyer-facing summary, for example the chosen shipping option's title.</summary>
    public string? Description { get; init; }
}
