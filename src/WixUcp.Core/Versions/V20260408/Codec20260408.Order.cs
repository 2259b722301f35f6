using System.Text.Json;
using WixUcp.Negotiation;
using WixUcp.Orders;

namespace WixUcp.Versions.V20260408;

internal sealed partial class Codec20260408
{
    public byte[] WriteOrder(Order order, NegotiationResult negotiation)
    {
        var dto = new OrderDto
        {
            Ucp = Meta(negotiation, handlers: null),
            Id = order.Id,
            Label = order.Label,
            CheckoutId = order.CheckoutId,
            PermalinkUrl = order.PermalinkUrl.AbsoluteUri,
            LineItems = order.Lines.Select(l => new OrderLineItemDto
            {
                Id = l.Id,
                Item = new ItemDto { Id = l.ItemId, Title = l.Title, Price = l.UnitPrice, ImageUrl = l.ImageUrl },
                Quantity = new OrderQuantityDto { Original = l.OriginalQuantity, Total = l.Quantity, Fulfilled = l.FulfilledQuantity },
                Totals = Totals(l.Totals),
                Status = l.Status.ToString().ToLowerInvariant(),
                ParentId = l.ParentId,
            }).ToList(),
            Fulfillment = new OrderFulfillmentDto
            {
                Expectations = order.Expectations.Select(e => new ExpectationDto
                {
                    Id = e.Id,
                    LineItems = e.Lines.Select(ToDto).ToList(),
                    MethodType = e.MethodType,
                    Destination = ToDto(e.Destination, id: null),
                    Description = e.Description,
                }).ToList(),
                Events = order.Events.Select(e => new FulfillmentEventDto
                {
                    Id = e.Id,
                    OccurredAt = Timestamp(e.OccurredAt),
                    Type = e.Type,
                    LineItems = e.Lines.Select(ToDto).ToList(),
                    TrackingNumber = e.TrackingNumber,
                    TrackingUrl = e.TrackingUrl?.AbsoluteUri,
                    Carrier = e.Carrier,
                    Description = e.Description,
                }).ToList(),
            },
            Currency = order.Currency,
            Totals = Totals(order.Totals),
        };
        return JsonSerializer.SerializeToUtf8Bytes(dto, Json.OrderDto);
    }

    private static LineQuantityDto ToDto(OrderLineQuantity line) => new() { Id = line.LineId, Quantity = line.Quantity };
}
