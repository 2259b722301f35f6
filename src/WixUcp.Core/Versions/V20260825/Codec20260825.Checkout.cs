using WixUcp.Checkout;
using WixUcp.Commerce;
using WixUcp.Negotiation;
using WixUcp.Protocol;
using WixUcp.Versions.Shared;

namespace WixUcp.Versions.V20260825;

internal sealed partial class Codec20260825
{
    public override CheckoutInput ReadCheckoutCreate(ReadOnlySpan<byte> body) => Read(body, RequestSchemaNames.CreateCheckout);

    public override CheckoutInput ReadCheckoutUpdate(ReadOnlySpan<byte> body) => Read(body, RequestSchemaNames.UpdateCheckout);

    public override CheckoutInput ReadCheckoutComplete(ReadOnlySpan<byte> body) => Read(body, RequestSchemaNames.CompleteCheckout);

    public override byte[] WriteCheckout(CheckoutSession session, NegotiationResult negotiation, IReadOnlyList<PaymentHandlerDescriptor> handlers, IReadOnlyDictionary<string, Uri> links) =>
        Wire.WriteCheckout(session, negotiation, handlers, links, buyer => ToDto(buyer, negotiation.IsActive(UcpCapabilities.BuyerConsent)),
            methods => new FulfillmentDto { Methods = methods.Select(ToDto).ToList() }, Json.CheckoutDtoBuyerDtoFulfillmentDto);

    private CheckoutInput Read(ReadOnlySpan<byte> body, string operation) =>
        Wire.ReadCheckout(body, Json.CheckoutRequestDtoBuyerRequestDtoShippingDestinationRequestDto, operation, ToDomain, (d, path) => new DestinationInput(d.Id, ToDomain(d, path)), replacesAbsent: true);

    // Text is trimmed and NFC-normalised, formatted members are checked (InputText).
    private static Buyer ToDomain(BuyerRequestDto buyer) => new()
    {
        FirstName = InputText.Clean(buyer.FirstName),
        LastName = InputText.Clean(buyer.LastName),
        Email = InputText.Email(buyer.Email, "$.buyer.email"),
        PhoneNumber = InputText.Clean(buyer.PhoneNumber),
        Consent = buyer.Consent is null ? null : ToDomain(buyer.Consent),
    };

    // The purposes this business advertises, as the domain's four decisions. A decision whose source is the business
    // is the platform echoing our default, not the buyer's: it stays undecided.
    private static BuyerConsent ToDomain(Dictionary<string, ConsentDecisionRequestDto> consent)
    {
        bool? Decision(string purpose) =>
            consent.TryGetValue(purpose, out var d) && d is { Source: "platform", Granted: { } granted } ? granted : null;
        return new BuyerConsent
        {
            Analytics = Decision(ConsentPurposes.Analytics),
            Preferences = Decision(ConsentPurposes.Preferences),
            Marketing = Decision(ConsentPurposes.Marketing),
            SaleOfData = Decision(ConsentPurposes.SaleOrSharing),
        };
    }

    private static Dictionary<string, ConsentPurposeDto> ToDto(BuyerConsent? consent)
    {
        static ConsentPurposeDto Purpose(bool? decision, string description) =>
            new() { Granted = decision ?? false, Source = decision is null ? "business" : "platform", Description = description };
        return new Dictionary<string, ConsentPurposeDto>(StringComparer.Ordinal)
        {
            [ConsentPurposes.Analytics] = Purpose(consent?.Analytics, "Analytics and measurement of the buyer's visit"),
            [ConsentPurposes.Preferences] = Purpose(consent?.Preferences, "Remembering the buyer's preferences"),
            [ConsentPurposes.Marketing] = Purpose(consent?.Marketing, "Promotional communications"),
            [ConsentPurposes.SaleOrSharing] = Purpose(consent?.SaleOfData, "Sale or sharing of personal data"),
        };
    }

    private static PostalAddress ToDomain(ShippingDestinationRequestDto destination, string path) => new()
    {
        StreetAddress = InputText.Clean(destination.StreetAddress),
        ExtendedAddress = InputText.Clean(destination.ExtendedAddress),
        AddressLocality = InputText.Clean(destination.AddressLocality),
        AddressRegion = InputText.Clean(destination.AddressRegion),
        PostalCode = InputText.Clean(destination.PostalCode),
        AddressCountry = InputText.Country(destination.AddressCountry, path + ".address_country"),
        FirstName = InputText.Clean(destination.FirstName),
        LastName = InputText.Clean(destination.LastName),
        PhoneNumber = InputText.Clean(destination.PhoneNumber),
    };

    private static BuyerDto ToDto(Buyer buyer, bool withConsent) => new()
    {
        FirstName = buyer.FirstName,
        LastName = buyer.LastName,
        Email = buyer.Email,
        PhoneNumber = buyer.PhoneNumber,
        Consent = withConsent ? ToDto(buyer.Consent) : null,
    };

    private static ShippingDestinationDto ToDestinationDto(PostalAddress address, string id) => new()
    {
        Id = id,
        StreetAddress = address.StreetAddress,
        ExtendedAddress = address.ExtendedAddress,
        AddressLocality = address.AddressLocality,
        AddressRegion = address.AddressRegion,
        PostalCode = address.PostalCode,
        AddressCountry = address.AddressCountry,
        FirstName = address.FirstName,
        LastName = address.LastName,
        PhoneNumber = address.PhoneNumber,
    };

    private static FulfillmentMethodDto ToDto(FulfillmentMethod method) => new()
    {
        Id = method.Id,
        Type = method.Type == FulfillmentType.Pickup ? "pickup" : "shipping",
        LineItemIds = [.. method.LineItemIds],
        Destinations = method.Destinations.Select(d => ToDestinationDto(d.Address, d.Id)).ToList(),
        SelectedDestinationId = method.SelectedDestinationId,
        Groups = method.Groups.Select(g => new FulfillmentGroupDto
        {
            Id = g.Id,
            LineItemIds = [.. g.LineItemIds],
            Options = g.Options.Select(o => new FulfillmentOptionDto
            {
                Id = o.Id,
                Title = o.Title,
                Description = o.Description is { Length: > 0 } text ? new DescriptionDto { Plain = text } : null,
                Carrier = o.Carrier,
                Totals = [new TotalDto { Type = TotalTypes.Total, Amount = o.Amount }],
            }).ToList(),
            SelectedOptionId = g.SelectedOptionId,
        }).ToList(),
    };

}
