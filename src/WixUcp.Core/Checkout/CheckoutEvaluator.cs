using System.Globalization;
using WixUcp.Commerce;
using WixUcp.Messages;
using WixUcp.Protocol;

namespace WixUcp.Checkout;

/// <summary>
/// Prices a draft through the backend and states what the checkout still needs: lines, stock, fulfillment, buyer
/// email, discount codes. The result is the session as it should be stored, or the reason no session can exist.
/// </summary>
internal sealed class CheckoutEvaluator(ICheckoutBackend backend, WixUcpOptions options)
{
    private static readonly MessageTarget SelectedDestination = MessageTarget.InMethod(MessageTargetKind.FulfillmentSelectedDestination, 0);
    private static readonly MessageTarget SelectedOption = MessageTarget.InMethod(MessageTargetKind.FulfillmentSelectedOption, 0);

    public async ValueTask<CheckoutEvaluation> EvaluateAsync(CheckoutDraft draft, CheckoutSession? previous, CheckoutRequestContext context, CancellationToken cancellationToken)
    {
        var messages = new List<UcpMessage>();
        var fulfillmentActive = context.Negotiation.IsActive(UcpCapabilities.Fulfillment);
        var method = draft.Method;

        // The buyer's saved addresses: offered when the platform has sent no destination, and recognised (by content)
        // when it sends one back under another id.
        if (fulfillmentActive && draft.Buyer?.Email is { Length: > 0 } email)
        {
            var saved = await backend.FindSavedAddressesAsync(context.Tenant, email, cancellationToken).ConfigureAwait(false);
            if (saved.Count > 0 && method is { Destinations.Count: > 0 } sent)
            {
                method = SavedAddressMatch.Reuse(sent, saved);
            }
            else if (saved.Count > 0)
            {
                method = (method ?? new FulfillmentDraft { Id = FulfillmentDraft.DefaultMethodId }) with
                {
                    Destinations = saved.Select(a => new FulfillmentDestination { Id = a.Id, Address = a.Address }).ToList(),
                };
            }
        }

        var selectedDestination = method?.SelectedDestinationId is { } destinationId
            ? method.Destinations.FirstOrDefault(d => d.Id == destinationId)
            : null;
        if (method?.SelectedDestinationId is not null && selectedDestination is null)
        {
            messages.Add(UcpMessage.Error(MessageCodes.Invalid, "selected_destination_id does not name a destination of this method.", MessageSeverity.Recoverable, SelectedDestination));
            method = method with { SelectedDestinationId = null };
        }

        var quote = await backend.QuoteAsync(
            new QuoteRequest
            {
                Tenant = context.Tenant,
                CheckoutId = draft.Id,
                BackendReference = previous?.BackendReference,
                Lines = draft.Lines.Select(l => new QuoteLine { LineId = l.Id!, ItemId = l.ItemId, Quantity = l.Quantity }).ToList(),
                Buyer = draft.Buyer,
                Context = draft.Context,
                ShippingAddress = selectedDestination?.Address,
                SelectedShippingOptionId = selectedDestination is null ? null : method?.SelectedOptionId,
                DiscountCodes = draft.DiscountCodes,
            },
            cancellationToken).ConfigureAwait(false);

        var unknown = quote.Lines
            .Select((line, i) => (line, i))
            .Where(x => !x.line.Found)
            .Select(x => UcpMessage.Error(MessageCodes.ItemUnavailable, $"Item {x.line.ItemId} is not sold by this store.", MessageSeverity.Unrecoverable, MessageTarget.At(MessageTargetKind.LineItemItemId, x.i)))
            .ToList();
        if (unknown.Count > 0)
        {
            return new CheckoutEvaluation(null, unknown);
        }

        var parents = draft.Lines.ToDictionary(l => l.Id!, l => l.ParentId, StringComparer.Ordinal);
        var lines = quote.Lines.Select(q => new CheckoutLine
        {
            Id = q.LineId,
            ItemId = q.ItemId,
            Title = q.Title,
            UnitPrice = q.UnitPrice,
            ImageUrl = q.ImageUrl,
            Quantity = q.Quantity,
            ParentId = parents.GetValueOrDefault(q.LineId),
            RequiresShipping = q.RequiresShipping,
            Totals = q.Totals,
        }).ToList();
        foreach (var i in draft.AdjustedQuantities)
        {
            messages.Add(UcpMessage.Warning(
                MessageCodes.QuantityAdjusted,
                $"{quote.Lines[i].Title}: at most {options.Checkout.MaxQuantity.ToString(CultureInfo.InvariantCulture)} can be ordered at once; the quantity was reduced.",
                MessageTarget.At(MessageTargetKind.LineItemQuantity, i)));
        }

        for (var i = 0; i < quote.Lines.Count; i++)
        {
            if (quote.Lines[i].AvailableQuantity is { } available && available < quote.Lines[i].Quantity)
            {
                var content = available <= 0
                    ? $"{quote.Lines[i].Title} is out of stock."
                    : $"Only {available.ToString(CultureInfo.InvariantCulture)} of {quote.Lines[i].Title} are in stock.";
                messages.Add(UcpMessage.Error(MessageCodes.OutOfStock, content, MessageSeverity.Recoverable, MessageTarget.At(MessageTargetKind.LineItem, i)));
            }
        }

        var fulfillment = BuildFulfillment(method, lines, quote, selectedDestination, messages, fulfillmentActive);

        if (options.Checkout.RequireBuyerEmail && string.IsNullOrWhiteSpace(draft.Buyer?.Email))
        {
            messages.Add(UcpMessage.Error(MessageCodes.Missing, "A buyer email is required.", MessageSeverity.Recoverable, MessageTarget.Of(MessageTargetKind.BuyerEmail)));
        }

        foreach (var rejection in quote.RejectedDiscountCodes)
        {
            messages.Add(UcpMessage.Warning(rejection.ReasonCode, rejection.Content, MessageTarget.At(MessageTargetKind.DiscountCode, rejection.Index)));
        }

        messages.AddRange(quote.Notices);
        var session = new CheckoutSession
        {
            TenantId = context.Tenant.Id,
            Id = draft.Id,
            Status = StatusFor(messages),
            Currency = quote.Currency,
            Lines = lines,
            Buyer = draft.Buyer,
            Context = draft.Context,
            Fulfillment = fulfillment,
            DiscountCodes = draft.DiscountCodes,
            AppliedDiscounts = quote.Discounts,
            PaymentInstruments = draft.Instruments,
            Totals = quote.Totals,
            Messages = messages,
            ContinueUrl = StorefrontLinks.Checkout(options, context, draft.Id),
            BackendReference = quote.BackendReference,
            CreatedAt = previous?.CreatedAt ?? default,
            UpdatedAt = previous?.UpdatedAt ?? default,
            ExpiresAt = previous?.ExpiresAt ?? default,
            PlatformProfile = previous?.PlatformProfile,
            Version = previous?.Version ?? 0,
        };
        return new CheckoutEvaluation(session, null);
    }

    /// <summary>The status the messages call for: escalation first, then any error, else ready.</summary>
    public static CheckoutStatus StatusFor(IReadOnlyList<UcpMessage> messages) =>
        messages.Any(m => m.RequiresEscalation) ? CheckoutStatus.RequiresEscalation
        : messages.Any(m => m.IsError) ? CheckoutStatus.Incomplete
        : CheckoutStatus.ReadyForComplete;

    private static List<FulfillmentMethod>? BuildFulfillment(
        FulfillmentDraft? method, List<CheckoutLine> lines, CommerceQuote quote, FulfillmentDestination? selectedDestination,
        List<UcpMessage> messages, bool fulfillmentActive)
    {
        var shippable = lines.Where(l => l.RequiresShipping).Select(l => l.Id).ToList();
        if (shippable.Count == 0)
        {
            return null;
        }

        if (!fulfillmentActive)
        {
            // The platform cannot send an address without the fulfillment extension: the buyer must finish in our UI.
            messages.Add(UcpMessage.Error(MessageCodes.Missing, "A shipping address is needed; the buyer can provide it at continue_url.", MessageSeverity.RequiresBuyerInput, MessageTarget.Document));
            return null;
        }

        if (method is null)
        {
            messages.Add(UcpMessage.Error(MessageCodes.Missing, "A shipping method with a destination is required.", MessageSeverity.Recoverable, MessageTarget.Of(MessageTargetKind.FulfillmentMethods)));
            return null;
        }

        if (method.PickupRequested)
        {
            messages.Add(UcpMessage.Error(MessageCodes.Invalid, "This store offers shipping only.", MessageSeverity.Recoverable, MessageTarget.InMethod(MessageTargetKind.FulfillmentMethodType, 0)));
        }

        var methodLines = method.LineItemIds?.Where(shippable.Contains).Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (methodLines.Count == 0)
        {
            methodLines = shippable;
        }

        if (shippable.Except(methodLines).Any())
        {
            messages.Add(UcpMessage.Error(MessageCodes.Missing, "Every shipped line item needs a fulfillment method.", MessageSeverity.Recoverable, MessageTarget.InMethod(MessageTargetKind.FulfillmentMethodLineItems, 0)));
        }

        var options = quote.ShippingOptions ?? [];
        var selectedOption = quote.SelectedShippingOptionId is { } optionId && options.Any(o => o.Id == optionId) ? optionId : null;
        if (selectedDestination is null)
        {
            messages.Add(method.Destinations.Count == 0
                ? UcpMessage.Error(MessageCodes.Missing, "A shipping destination is required.", MessageSeverity.Recoverable, MessageTarget.InMethod(MessageTargetKind.FulfillmentDestinations, 0))
                : UcpMessage.Error(MessageCodes.Missing, "Select one of the destinations.", MessageSeverity.Recoverable, SelectedDestination));
        }
        else if (options.Count == 0)
        {
            var index = method.Destinations.ToList().FindIndex(d => d.Id == selectedDestination.Id);
            messages.Add(UcpMessage.Error(MessageCodes.AddressUndeliverable, "This store does not ship to the selected destination.", MessageSeverity.Recoverable, MessageTarget.InMethod(MessageTargetKind.FulfillmentDestination, 0, index)));
        }
        else if (selectedOption is null)
        {
            if (method.SelectedOptionId is not null)
            {
                messages.Add(UcpMessage.Warning(MessageCodes.FulfillmentChanged, "The chosen shipping option is not offered for this destination; choose again.", SelectedOption));
            }

            messages.Add(UcpMessage.Error(MessageCodes.Missing, "Select a shipping option.", MessageSeverity.Recoverable, SelectedOption));
        }

        var group = new FulfillmentGroup { Id = "fg_1", LineItemIds = methodLines, Options = options, SelectedOptionId = selectedOption };
        return
        [
            new FulfillmentMethod
            {
                Id = method.Id,
                Type = FulfillmentType.Shipping,
                LineItemIds = methodLines,
                Destinations = method.Destinations,
                SelectedDestinationId = selectedDestination?.Id,
                Groups = [group],
            },
        ];
    }
}
