namespace WixUcp.Orders;

/// <summary>The fulfillment events and adjustments an order snapshot carries, read by a codec (sandbox simulation).</summary>
internal sealed record OrderHistoryInput(IReadOnlyList<FulfillmentEvent>? Events, IReadOnlyList<OrderAdjustment>? Adjustments);
