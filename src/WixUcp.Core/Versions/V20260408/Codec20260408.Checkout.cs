using System.Globalization;
using System.Text.Json;
using WixUcp.Checkout;
using WixUcp.Commerce;
using WixUcp.Negotiation;
using WixUcp.Protocol;
using WixUcp.Versions.Shared;

namespace WixUcp.Versions.V20260408;

internal partial class Codec20260408
{
    public override CheckoutInput ReadCheckoutCreate(ReadOnlySpan<byte> body) => ToInput(Wire.Read(body, Json.CheckoutRequestDto, RequestSchemaNames.CreateCheckout), complete: false);

    public override CheckoutInput ReadCheckoutUpdate(ReadOnlySpan<byte> body) => ToInput(Wire.Read(body, Json.CheckoutRequestDto, RequestSchemaNames.UpdateCheckout), complete: false);

    public override CheckoutInput ReadCheckoutComplete(ReadOnlySpan<byte> body)
    {
        var dto = Wire.Read(body, Json.CheckoutRequestDto, RequestSchemaNames.CompleteCheckout);
        SharedWire.RequireInstruments(dto.Payment);
        return ToInput(dto, complete: true);
    }

    public override byte[] WriteCheckout(CheckoutSession session, NegotiationResult negotiation, IReadOnlyList<PaymentHandlerDescriptor> handlers, IReadOnlyDictionary<string, Uri> links)
    {
        var consent = negotiation.IsActive(UcpCapabilities.BuyerConsent);
        var dto = new CheckoutDto
        {
            Ucp = Wire.Meta(negotiation, handlers),
            Id = session.Id,
            Status = SharedWire.StatusName(session.Status),
            Currency = session.Currency,
            LineItems = Wire.LineItems(session.Lines),
            Buyer = session.Buyer is null ? null : ToDto(session.Buyer, consent),
            Context = session.Context is null ? null : SharedWire.ToDto(session.Context),
            Fulfillment = negotiation.IsActive(UcpCapabilities.Fulfillment) && session.Fulfillment is { } methods
                ? new FulfillmentDto { Methods = methods.Select(ToDto).ToList() }
                : null,
            Discounts = SharedWire.Discounts(session.DiscountCodes, session.AppliedDiscounts, negotiation),
            Payment = new PaymentDto { Instruments = session.PaymentInstruments.Select(SharedWire.ToDto).ToList() },
            Totals = Wire.Totals(session.Totals),
            Messages = session.Messages.Count == 0 ? null : session.Messages.Select(Wire.Message).ToList(),
            Links = SharedWire.Links(links),
            ExpiresAt = SharedWire.Timestamp(session.ExpiresAt),
            ContinueUrl = session.ContinueUrl?.AbsoluteUri,
            Order = SharedWire.Confirmation(session),
        };
        return JsonSerializer.SerializeToUtf8Bytes(dto, Json.CheckoutDto);
    }

    private static CheckoutInput ToInput(CheckoutRequestDto dto, bool complete)
    {
        return new CheckoutInput
        {
            Lines = SharedWire.ReadLines(dto.LineItems, complete),
            Buyer = complete || dto.Buyer is null ? null : ToDomain(dto.Buyer),
            Context = complete || dto.Context is null ? null : SharedWire.ToDomain(dto.Context),
            FulfillmentMethods = complete ? null : dto.Fulfillment?.Methods?.Select(ToDomain).ToList(),
            DiscountCodes = complete ? null : SharedWire.NoNullsOrNull(dto.Discounts?.Codes, "$.discounts.codes"),
            PaymentInstruments = dto.Payment?.Instruments?.Select(SharedWire.ToDomain).ToList(),
            CartId = complete ? null : dto.CartId,
        };
    }

    private static FulfillmentMethodInput ToDomain(FulfillmentMethodRequestDto method, int index)
    {
        var path = $"$.fulfillment.methods[{index.ToString(CultureInfo.InvariantCulture)}]";
        if (method is null)
        {
            throw new UcpRequestException("A fulfillment method must be an object.", path);
        }

        return new FulfillmentMethodInput
        {
            Id = method.Id,
            Type = method.Type switch
            {
                null => null,
                "shipping" => FulfillmentType.Shipping,
                "pickup" => FulfillmentType.Pickup,
                _ => throw new UcpRequestException("type must be shipping or pickup.", path + ".type"),
            },
            LineItemIds = SharedWire.NoNullsOrNull(method.LineItemIds, path + ".line_item_ids"),
            Destinations = method.Destinations?.Select((d, i) => d is null
                ? throw new UcpRequestException("A destination must be an object.", $"{path}.destinations[{i.ToString(CultureInfo.InvariantCulture)}]")
                : new DestinationInput(d.Id, SharedWire.ToDomain(d, $"{path}.destinations[{i.ToString(CultureInfo.InvariantCulture)}]"))).ToList(),
            SelectedDestinationId = method.SelectedDestinationId,
            Groups = method.Groups?.Where(g => g is not null).Select(g => new GroupInput(g.Id, g.SelectedOptionId)).ToList(),
        };
    }

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
