using System.Globalization;
using WixUcp.Commerce;

namespace WixUcp.Orders;

/// <summary>The next revision of an order for a change: simulated shipping, delivery and refund, or a replaced history.</summary>
internal static class OrderChanges
{
    public static Order Simulate(Order order, OrderSimulation simulation, DateTimeOffset now) => simulation switch
    {
        OrderSimulation.Ship => order with
        {
            Lines = [.. order.Lines.Select(l => l with { FulfilledQuantity = l.Quantity })],
            Events = [.. order.Events, Event(order, "shipped", now) with
            {
                TrackingNumber = "SIM" + order.Id.GetHashCode(StringComparison.Ordinal).ToString("X8", CultureInfo.InvariantCulture),
                TrackingUrl = new Uri("https://tracking.example/sandbox/" + Uri.EscapeDataString(order.Id)),
                Carrier = "Sandbox Post",
            }],
        },
        OrderSimulation.Deliver => order with { Events = [.. order.Events, Event(order, "delivered", now)] },
        _ => order with
        {
            Adjustments = [.. order.Adjustments, new OrderAdjustment
            {
                Id = "adj_" + (order.Adjustments.Count + 1).ToString(CultureInfo.InvariantCulture),
                Type = "refund",
                OccurredAt = now,
                Status = AdjustmentStatus.Completed,
                Totals = [new Total(TotalTypes.Total, -order.Totals.Where(t => t.Type == TotalTypes.Total).Sum(t => t.Amount))],
            }],
        },
    };

    private static FulfillmentEvent Event(Order order, string type, DateTimeOffset now) => new()
    {
        Id = "evt_" + (order.Events.Count + 1).ToString(CultureInfo.InvariantCulture),
        OccurredAt = now,
        Type = type,
        Lines = [.. order.Lines.Where(l => l.Quantity > 0).Select(l => new OrderLineQuantity(l.Id, l.Quantity))],
    };
}
