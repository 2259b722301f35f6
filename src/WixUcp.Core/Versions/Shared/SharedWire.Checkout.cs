using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using WixUcp.Checkout;
using WixUcp.Commerce;
using WixUcp.Negotiation;
using WixUcp.Protocol;

namespace WixUcp.Versions.Shared;

// The parts of a checkout document 2026-04-08 and 2026-08-25 shape alike: line items, context, discounts, payment
// instruments, links, the order confirmation and the status names.
internal sealed partial class SharedWire
{
    // A checkout request of any operation; the version maps its buyer and destinations, and says whether an update
    // replaces the checkout (2026-08-25) or keeps what it leaves out.
    public CheckoutInput ReadCheckout<TBuyer, TDestination>(
        ReadOnlySpan<byte> body,
        JsonTypeInfo<CheckoutRequestDto<TBuyer, TDestination>> typeInfo,
        string operation,
        Func<TBuyer, Buyer> buyer,
        Func<TDestination, string, DestinationInput> destination,
        bool replacesAbsent)
        where TBuyer : class
        where TDestination : class
    {
        var dto = Read(body, typeInfo, operation);
        var complete = operation == RequestSchemaNames.CompleteCheckout;
        if (complete)
        {
            RequireInstruments(dto.Payment);
        }

        return new CheckoutInput
        {
            Lines = ReadLines(dto.LineItems, complete),
            Buyer = complete || dto.Buyer is null ? null : buyer(dto.Buyer),
            Context = complete || dto.Context is null ? null : ToDomain(dto.Context),
            FulfillmentMethods = complete ? null : dto.Fulfillment?.Methods?.Select((m, i) => ReadMethod(m, i, destination)).ToList(),
            DiscountCodes = complete ? null : NoNullsOrNull(dto.Discounts?.Codes, "$.discounts.codes"),
            PaymentInstruments = dto.Payment?.Instruments?.Select(ToDomain).ToList(),
            ReplacesAbsent = replacesAbsent && !complete,
            CartId = complete ? null : dto.CartId,
        };
    }

    public byte[] WriteCheckout<TBuyer, TFulfillment>(
        CheckoutSession session,
        NegotiationResult negotiation,
        IReadOnlyList<PaymentHandlerDescriptor> handlers,
        IReadOnlyDictionary<string, Uri> links,
        Func<Buyer, TBuyer> buyer,
        Func<IReadOnlyList<FulfillmentMethod>, TFulfillment> fulfillment,
        JsonTypeInfo<CheckoutDto<TBuyer, TFulfillment>> typeInfo)
        where TBuyer : class
        where TFulfillment : class
    {
        var dto = new CheckoutDto<TBuyer, TFulfillment>
        {
            Ucp = Meta(negotiation, handlers),
            Id = session.Id,
            Status = StatusName(session.Status),
            Currency = session.Currency,
            LineItems = LineItems(session.Lines),
            Buyer = session.Buyer is null ? null : buyer(session.Buyer),
            Context = session.Context is null ? null : ToDto(session.Context),
            Fulfillment = negotiation.IsActive(UcpCapabilities.Fulfillment) && session.Fulfillment is { } methods ? fulfillment(methods) : null,
            Discounts = Discounts(session.DiscountCodes, session.AppliedDiscounts, negotiation),
            Payment = new PaymentDto { Instruments = session.PaymentInstruments.Select(ToDto).ToList() },
            Totals = Totals(session.Totals),
            Messages = session.Messages.Count == 0 ? null : session.Messages.Select(Message).ToList(),
            Links = Links(links),
            ExpiresAt = Timestamp(session.ExpiresAt),
            ContinueUrl = session.ContinueUrl?.AbsoluteUri,
            Order = Confirmation(session),
        };
        return JsonSerializer.SerializeToUtf8Bytes(dto, typeInfo);
    }

    private static FulfillmentMethodInput ReadMethod<TDestination>(FulfillmentMethodRequestDto<TDestination> method, int index, Func<TDestination, string, DestinationInput> destination)
        where TDestination : class
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
            LineItemIds = NoNullsOrNull(method.LineItemIds, path + ".line_item_ids"),
            Destinations = method.Destinations?.Select((d, i) => d is null
                ? throw new UcpRequestException("A destination must be an object.", $"{path}.destinations[{i.ToString(CultureInfo.InvariantCulture)}]")
                : destination(d, $"{path}.destinations[{i.ToString(CultureInfo.InvariantCulture)}]")).ToList(),
            SelectedDestinationId = method.SelectedDestinationId,
            Groups = method.Groups?.Where(g => g is not null).Select(g => new GroupInput(g.Id, g.SelectedOptionId)).ToList(),
        };
    }

    public static List<LineInput>? ReadLines(List<LineItemRequestDto>? lineItems, bool complete)
    {
        var lines = complete ? null : lineItems?.Select((l, i) =>
        {
            var path = $"$.line_items[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (l is null)
            {
                throw new UcpRequestException("A line item must be an object.", path);
            }

            if (string.IsNullOrEmpty(l.Item?.Id))
            {
                throw new UcpRequestException("item.id is required.", path + ".item.id");
            }

            if (l.Quantity is null)
            {
                throw new UcpRequestException("quantity is required.", path + ".quantity");
            }

            return new LineInput(l.Id, l.Item.Id, (int)Math.Clamp(l.Quantity.Value, int.MinValue, int.MaxValue), l.ParentId);
        }).ToList();
        if (!complete && lines is null)
        {
            throw new UcpRequestException("line_items is required.", "$.line_items");
        }

        return lines;
    }

    public static void RequireInstruments(PaymentRequestDto? payment)
    {
        if (payment?.Instruments is null)
        {
            throw new UcpRequestException("Complete needs payment.instruments.", "$.payment");
        }
    }

    public List<LineItemDto> LineItems(IReadOnlyList<CheckoutLine> lines) => lines.Select(l => new LineItemDto
    {
        Id = l.Id,
        Item = new ItemDto { Id = l.ItemId, Title = l.Title, Price = l.UnitPrice, ImageUrl = l.ImageUrl },
        Quantity = l.Quantity,
        Totals = Totals(l.Totals),
        ParentId = l.ParentId,
    }).ToList();

    public static DiscountsDto? Discounts(IReadOnlyList<string> codes, IReadOnlyList<AppliedDiscount> applied, NegotiationResult negotiation) => negotiation.IsActive(UcpCapabilities.Discount)
        ? new DiscountsDto
        {
            Codes = [.. codes],
            Applied = applied.Select(d => new AppliedDiscountDto
            {
                Code = d.Code,
                Title = d.Title,
                Amount = d.Amount,
                Automatic = d.Automatic ? true : null,
                Method = "across",
                Priority = d.Priority,
            }).ToList(),
        }
        : null;

    public static List<LinkDto> Links(IReadOnlyDictionary<string, Uri> links) =>
        links.Select(l => new LinkDto { Type = l.Key, Url = l.Value.AbsoluteUri }).ToList();

    public static OrderConfirmationDto? Confirmation(CheckoutSession session) => session.Order is { } order
        ? new OrderConfirmationDto { Id = order.Id, Label = order.Label, PermalinkUrl = order.PermalinkUrl.AbsoluteUri }
        : null;

    public static InstrumentInput ToDomain(InstrumentRequestDto instrument, int index)
    {
        var path = $"$.payment.instruments[{index.ToString(CultureInfo.InvariantCulture)}]";
        if (instrument is null)
        {
            throw new UcpRequestException("An instrument must be an object.", path);
        }

        foreach (var (value, name) in new[] { (instrument.Id, "id"), (instrument.HandlerId, "handler_id"), (instrument.Type, "type") })
        {
            if (string.IsNullOrEmpty(value))
            {
                throw new UcpRequestException($"{name} is required.", $"{path}.{name}");
            }
        }

        var credential = instrument.Credential is null
            ? null
            : new PaymentCredential { Type = instrument.Credential.Type ?? throw new UcpRequestException("credential.type is required.", path + ".credential.type"), Token = instrument.Credential.Token };
        return new InstrumentInput(
            new PaymentInstrument
            {
                Id = instrument.Id!,
                HandlerId = instrument.HandlerId!,
                Type = instrument.Type!,
                Selected = instrument.Selected,
                BillingAddress = instrument.BillingAddress is null ? null : ToDomain(instrument.BillingAddress, path + ".billing_address"),
                Display = instrument.Display,
            },
            credential);
    }

    public static PurchaseContext ToDomain(ContextDto context) => new()
    {
        AddressCountry = InputText.Country(context.AddressCountry, "$.context.address_country"),
        AddressRegion = InputText.Clean(context.AddressRegion),
        PostalCode = InputText.Clean(context.PostalCode),
        Intent = InputText.Clean(context.Intent),
        Language = InputText.Language(context.Language, "$.context.language"),
        Currency = InputText.Currency(context.Currency, "$.context.currency"),
    };

    public static ContextDto ToDto(PurchaseContext context) => new()
    {
        AddressCountry = context.AddressCountry,
        AddressRegion = context.AddressRegion,
        PostalCode = context.PostalCode,
        Intent = context.Intent,
        Language = context.Language,
        Currency = context.Currency,
    };

    public static InstrumentDto ToDto(PaymentInstrument instrument) => new()
    {
        Id = instrument.Id,
        HandlerId = instrument.HandlerId,
        Type = instrument.Type,
        Selected = instrument.Selected,
        BillingAddress = instrument.BillingAddress is null ? null : ToDto(instrument.BillingAddress, id: null),
        Display = instrument.Display?.DeepClone().AsObject(),
    };

    public static string StatusName(CheckoutStatus status) => status switch
    {
        CheckoutStatus.Incomplete => "incomplete",
        CheckoutStatus.RequiresEscalation => "requires_escalation",
        CheckoutStatus.ReadyForComplete => "ready_for_complete",
        CheckoutStatus.CompleteInProgress => "complete_in_progress",
        CheckoutStatus.Completed => "completed",
        _ => "canceled",
    };
}
