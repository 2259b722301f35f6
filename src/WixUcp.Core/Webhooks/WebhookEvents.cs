namespace WixUcp.Webhooks;

/// <summary>The event types a webhook registration may ask for. UCP itself has none: every delivery is the full order.</summary>
public static class WebhookEvents
{
    /// <summary>An order was placed.</summary>
    public const string OrderCreated = "order.created";

    /// <summary>An order changed after it was placed (fulfillment, adjustments).</summary>
    public const string OrderUpdated = "order.updated";

    /// <summary>Every event type.</summary>
    public static IReadOnlyList<string> All { get; } = [OrderCreated, OrderUpdated];
}
