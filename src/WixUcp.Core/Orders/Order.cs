using WixUcp.Commerce;

namespace WixUcp.Orders;

/// <summary>A placed order: the full snapshot that Get Order returns and webhooks carry.</summary>
public sealed record Order
{
    /// <summary>The store the order belongs to; stores key orders by tenant and id.</summary>
    public required string TenantId { get; init; }

    /// <summary>The store's opaque order id.</summary>
    public required string Id { get; init; }

    /// <summary>Buyer-facing order number, for example <c>#1001</c>; null when the store has none.</summary>
    public string? Label { get; init; }

    /// <summary>Id of the checkout session that produced the order.</summary>
    public required string CheckoutId { get; init; }

    /// <summary>The order's page on the storefront, where the buyer can see it.</summary>
    public required Uri PermalinkUrl { get; init; }

    /// <summary>ISO 4217 currency of every amount in the order.</summary>
    public required string Currency { get; init; }

    /// <summary>The ordered lines, including removed ones (with quantity 0).</summary>
    public required IReadOnlyList<OrderLine> Lines { get; init; }

    /// <summary>How the lines are expected to be delivered.</summary>
    public IReadOnlyList<FulfillmentExpectation> Expectations { get; init; } = [];

    /// <summary>Fulfillment history, oldest first.</summary>
    public IReadOnlyList<FulfillmentEvent> Events { get; init; } = [];

    /// <summary>Changes after the order (refunds, returns, cancellations), oldest first.</summary>
    public IReadOnlyList<OrderAdjustment> Adjustments { get; init; } = [];

    /// <summary>Order totals in minor units, as on the checkout: one subtotal and one total; discounts negative.</summary>
    public required IReadOnlyList<Total> Totals { get; init; }

    /// <summary>When the order was placed.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The profile URL of the platform the order came from; only that platform may read it.</summary>
    public string? PlatformProfile { get; init; }

    /// <summary>Revision number of this snapshot: 1 when the order is placed; a later snapshot of the same order has a higher number.</summary>
    public long Version { get; init; }

    /// <summary>Where the platform receives this order's webhooks (its profile's order capability <c>webhook_url</c>), if anywhere.</summary>
    public Uri? WebhookUrl { get; init; }

    /// <summary>The protocol version the platform placed the order in; its webhooks are written in it.</summary>
    public string? ProtocolVersion { get; init; }
}
