using WixUcp.Checkout;
using WixUcp.Commerce;
using WixUcp.Negotiation;
using WixUcp.Protocol;
using WixUcp.Versions.Shared;

namespace WixUcp.Versions.V20260408;

internal partial class Codec20260408
{
    public override CheckoutInput ReadCheckoutCreate(ReadOnlySpan<byte> body) => Read(body, RequestSchemaNames.CreateCheckout);

    public override CheckoutInput ReadCheckoutUpdate(ReadOnlySpan<byte> body) => Read(body, RequestSchemaNames.UpdateCheckout);

    public override CheckoutInput ReadCheckoutComplete(ReadOnlySpan<byte> body) => Read(body, RequestSchemaNames.CompleteCheckout);

    public override byte[] WriteCheckout(CheckoutSession session, NegotiationResult negotiation, IReadOnlyList<PaymentHandlerDescriptor> handlers, IReadOnlyDictionary<string, Uri> links) =>
        Wire.WriteCheckout(session, negotiation, handlers, links, buyer => ToDto(buyer, negotiation.IsActive(UcpCapabilities.BuyerConsent)),
            methods => new FulfillmentDto { Methods = methods.Select(ToDto).ToList() }, Json.CheckoutDtoBuyerDtoFulfillmentDto);

    private CheckoutInput Read(ReadOnlySpan<byte> body, string operation) =>
        Wire.ReadCheckout(body, Json.CheckoutRequestDtoBuyerDtoPostalAddressDto, operation, ToDomain, (d, path) => new DestinationInput(d.Id, SharedWire.ToDomain(d, path)), replacesAbsent: false);

    // Text is trimmed and NFC-normalised, formatted members are checked (InputText).
    private static Buyer ToDomain(BuyerDto buyer) => new()
    {
        FirstName = InputText.Clean(buyer.FirstName),
        LastName = InputText.Clean(buyer.LastName),
        Email = InputText.Email(buyer.Email, "$.buyer.email"),
        PhoneNumber = InputText.Clean(buyer.PhoneNumber),
        Consent = buyer.Consent is null
            ? null
            : new BuyerConsent { Analytics = buyer.Consent.Analytics, Preferences = buyer.Consent.Preferences, Marketing = buyer.Consent.Marketing, SaleOfData = buyer.Consent.SaleOfData },
    };

    private static BuyerDto ToDto(Buyer buyer, bool withConsent) => new()
    {
        FirstName = buyer.FirstName,
        LastName = buyer.LastName,
        Email = buyer.Email,
        PhoneNumber = buyer.PhoneNumber,
        Consent = withConsent && buyer.Consent is { } c
            ? new ConsentDto { Analytics = c.Analytics, Preferences = c.Preferences, Marketing = c.Marketing, SaleOfData = c.SaleOfData }
            : null,
    };

    private static FulfillmentMethodDto ToDto(FulfillmentMethod method) => new()
    {
        Id = method.Id,
        Type = method.Type == FulfillmentType.Pickup ? "pickup" : "shipping",
        LineItemIds = [.. method.LineItemIds],
        Destinations = method.Destinations.Select(d => SharedWire.ToDto(d.Address, d.Id)).ToList(),
        SelectedDestinationId = method.SelectedDestinationId,
        Groups = method.Groups.Select(g => new FulfillmentGroupDto
        {
            Id = g.Id,
            LineItemIds = [.. g.LineItemIds],
            Options = g.Options.Select(o => new FulfillmentOptionDto
            {
                Id = o.Id,
                Title = o.Title,
                Description = o.Description,
                Carrier = o.Carrier,
                Totals = [new TotalDto { Type = TotalTypes.Total, Amount = o.Amount }],
            }).ToList(),
            SelectedOptionId = g.SelectedOptionId,
        }).ToList(),
    };

}
