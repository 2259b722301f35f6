using WixUcp.Commerce;
using WixUcp.Orders;

namespace WixUcp.Checkout;

/// <summary>Builds the order snapshot of a completed checkout from what the backend placed.</summary>
internal static class OrderBuilder
{
    public static Order Build(CheckoutSession session, PlaceOrderResult placed, CheckoutRequestContext context, WixUcpOptions options, DateTimeOffset now)
    {
        var method = session.Fulfillment is { Count: > 0 } methods ? methods[0] : null;
        var expectations = new List<FulfillmentExpectation>();
        if (method?.SelectedDestination is { } destination)
        {
            var option = method.Groups.SelectMany(g => g.Options).FirstOrDefault(o => method.Groups.Any(g => g.SelectedOptionId == o.Id));
            expectations.Add(new FulfillmentExpectation
            {
                Id = "exp_1",
                Lines = session.Lines.Where(l => method.LineItemIds.Contains(l.Id)).Select(l => new OrderLineQuantity(l.Id, l.Quantity)).ToList(),
                MethodType = "shipping",
                Destination = destination.Address,
                Description = option?.Title,
            });
        }

        var orderId = placed.OrderId!;
        return new Order
        {
            TenantId = session.TenantId,
            Id = orderId,
            Label = placed.OrderLabel,
            CheckoutId = session.Id,
            PermalinkUrl = StorefrontLinks.Order(options, context, orderId),
            Currency = session.Currency,
            Lines = session.Lines.Select(l => new OrderLine
            {
                Id = l.Id,
                ItemId = l.ItemId,
                Title = l.Title,
                UnitPrice = l.UnitPrice,
                ImageUrl = l.ImageUrl,
                OriginalQuantity = l.Quantity,
                Quantity = l.Quantity,
                ParentId = l.ParentId,
                Totals = l.Totals,
            }).ToList(),
            Expectations = expectations,
            Totals = session.Totals,
            CreatedAt = now,
            PlatformProfile = session.PlatformProfile,
            Version = 1,
            WebhookUrl = context.Negotiation.Platform.OrderWebhookUrl,
            ProtocolVersion = context.Negotiation.Version,
        };
    }
}
