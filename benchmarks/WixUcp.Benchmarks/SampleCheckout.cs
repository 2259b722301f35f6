using WixUcp.Checkout;
using WixUcp.Commerce;
using WixUcp.Messages;

namespace WixUcp.Benchmarks;

/// <summary>A typical ready checkout: two lines, a buyer with consent, one shipping method with two options, a code.</summary>
internal static class SampleCheckout
{
    public static CheckoutSession Ready(string id)
    {
        var now = DateTimeOffset.UtcNow;
        var address = new PostalAddress { StreetAddress = "1 Main St", AddressLocality = "San Francisco", AddressRegion = "CA", PostalCode = "94103", AddressCountry = "US" };
        return new CheckoutSession
        {
            TenantId = "default",
            Id = id,
            Status = CheckoutStatus.ReadyForComplete,
            Currency = "USD",
            Lines =
            [
                new CheckoutLine { Id = "li_1", ItemId = "tea_sencha", Title = "Sencha Green Tea 100g", UnitPrice = 1200, Quantity = 2, Totals = [new Total(TotalTypes.Subtotal, 2400), new Total(TotalTypes.Total, 2400)] },
                new CheckoutLine { Id = "li_2", ItemId = "cup_porcelain", Title = "Porcelain Cup", UnitPrice = 1800, Quantity = 1, Totals = [new Total(TotalTypes.Subtotal, 1800), new Total(TotalTypes.Total, 1800)] },
            ],
            Buyer = new Buyer { FirstName = "Ada", LastName = "Lovelace", Email = "ada@example.com", Consent = new BuyerConsent { Marketing = true } },
            Fulfillment =
            [
                new FulfillmentMethod
                {
                    Id = "fm_1",
                    LineItemIds = ["li_1", "li_2"],
                    Destinations = [new FulfillmentDestination { Id = "addr_1", Address = address }],
                    SelectedDestinationId = "addr_1",
                    Groups =
                    [
                        new FulfillmentGroup
                        {
                            Id = "fg_1",
                            LineItemIds = ["li_1", "li_2"],
                            Options =
                            [
                                new FulfillmentOption { Id = "ship-standard", Title = "Standard", Description = "3-5 business days", Amount = 500 },
                                new FulfillmentOption { Id = "ship-express", Title = "Express", Description = "1-2 business days", Amount = 1500 },
                            ],
                            SelectedOptionId = "ship-standard",
                        },
                    ],
                },
            ],
            DiscountCodes = ["STEEP10"],
            AppliedDiscounts = [new AppliedDiscount { Code = "STEEP10", Title = "10% off tea", Amount = 240, Priority = 1 }],
            Totals = [new Total(TotalTypes.Subtotal, 4200), new Total(TotalTypes.Discount, -240, "STEEP10"), new Total(TotalTypes.Fulfillment, 500, "Standard"), new Total(TotalTypes.Total, 4460)],
            Messages = [UcpMessage.Warning(MessageCodes.FreeShipping, "Spend 10.00 more for free shipping.")],
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = now.AddHours(6),
        };
    }
}
