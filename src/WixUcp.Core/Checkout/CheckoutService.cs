using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WixUcp.Commerce;
using WixUcp.Messages;
using WixUcp.Orders;
using WixUcp.Protocol;

namespace WixUcp.Checkout;

/// <summary>
/// The checkout engine: lifecycle, messages and persistence. Prices, stock, shipping and payment come from the
/// <see cref="ICheckoutBackend"/>; this class decides what they mean for the protocol.
/// </summary>
internal sealed partial class CheckoutService(
    ICheckoutSessionStore sessions,
    IOrderStore orders,
    ICheckoutBackend backend,
    TimeProvider timeProvider,
    IOptions<WixUcpOptions> options,
    ILogger<CheckoutService> logger)
{
    private static readonly TimeSpan StaleCompletionClaim = TimeSpan.FromMinutes(2);

    public async ValueTask<CheckoutResult> CreateAsync(CheckoutInput input, CheckoutRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var lines = AssignLineIds(RequireLines(input.Lines), previous: []);
        var now = timeProvider.GetUtcNow();
        var draft = new Draft
        {
            Id = Ids.New("chk_"),
            Lines = lines,
            Buyer = input.Buyer,
            Context = input.Context,
            Methods = MergeFulfillment(input.FulfillmentMethods, previous: null, context),
            DiscountCodes = Active(context, UcpCapabilities.Discount) ? input.DiscountCodes ?? [] : [],
            Instruments = input.PaymentInstruments?.Select(i => i.Instrument).ToList() ?? [],
        };

        var evaluation = await EvaluateAsync(draft, previous: null, context, cancellationToken).ConfigureAwait(false);
        if (evaluation.Rejection is not null)
        {
            return CheckoutResult.Rejected(evaluation.Rejection);
        }

        var session = evaluation.Session! with
        {
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = now + options.Value.Checkout.SessionLifetime,
            PlatformProfile = context.Negotiation.Platform.Url.AbsoluteUri,
            Version = 1,
        };
        if (!await sessions.TryCreateAsync(session, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("A fresh checkout id collided with a stored one.");
        }

        LogCreated(logger, session.Id, session.Status);
        return CheckoutResult.Created(session);
    }

    public async ValueTask<CheckoutResult> GetAsync(string id, CheckoutRequestContext context, CancellationToken cancellationToken)
    {
        var session = await LoadAsync(id, context, cancellationToken).ConfigureAwait(false);
        return session is null ? CheckoutResult.NotFound(id) : CheckoutResult.Ok(session);
    }

    public async ValueTask<CheckoutResult> UpdateAsync(string id, CheckoutInput input, CheckoutRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var requested = RequireLines(input.Lines);
        var current = await LoadAsync(id, context, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return CheckoutResult.NotFound(id);
        }

        if (RefuseChange(current) is { } refusal)
        {
            return refusal;
        }

        var lines = AssignLineIds(requested, current.Lines);
        var draft = new Draft
        {
            Id = current.Id,
            Lines = lines,
            Buyer = input.Buyer ?? current.Buyer,
            Context = input.Context ?? current.Context,
            Methods = MergeFulfillment(input.FulfillmentMethods, current.Fulfillment, context),
            DiscountCodes = Active(context, UcpCapabilities.Discount) ? input.DiscountCodes ?? current.DiscountCodes : current.DiscountCodes,
            Instruments = input.PaymentInstruments?.Select(i => i.Instrument).ToList() ?? current.PaymentInstruments,
        };

        var evaluation = await EvaluateAsync(draft, current, context, cancellationToken).ConfigureAwait(false);
        if (evaluation.Rejection is not null)
        {
            return CheckoutResult.Rejected(evaluation.Rejection);
        }

        return await SaveAsync(current, evaluation.Session!, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<CheckoutResult> CompleteAsync(string id, CheckoutInput input, CheckoutRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.PaymentInstruments is not { Count: > 0 } instruments)
        {
            throw new UcpRequestException("Complete needs payment.instruments with at least one instrument.", "$.payment.instruments");
        }

        var current = await LoadAsync(id, context, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return CheckoutResult.NotFound(id);
        }

        // A completion claimed by a request that never finished (a crashed replica) may be retried; backends
        // recognise a repeated order for the same checkout.
        var staleClaim = current.Status == CheckoutStatus.CompleteInProgress && timeProvider.GetUtcNow() - current.UpdatedAt > StaleCompletionClaim;
        if (!staleClaim && RefuseChange(current) is { } refusal)
        {
            return refusal;
        }

        var draft = Draft.From(current) with { Instruments = instruments.Select(i => i.Instrument).ToList() };
        var evaluation = await EvaluateAsync(draft, current, context, cancellationToken).ConfigureAwait(false);
        if (evaluation.Rejection is not null)
        {
            return CheckoutResult.Rejected(evaluation.Rejection);
        }

        var evaluated = evaluation.Session!;
        var index = SelectInstrument(instruments);
        var chosen = instruments[index];
        var paymentProblem = CheckInstrument(chosen, index);
        if (evaluated.Status != CheckoutStatus.ReadyForComplete || paymentProblem is not null)
        {
            var messages = paymentProblem is null ? evaluated.Messages : [.. evaluated.Messages, paymentProblem];
            return await SaveAsync(current, Restate(evaluated, messages), cancellationToken).ConfigureAwait(false);
        }

        // Claim the session first so a concurrent complete cannot charge twice.
        var claimed = evaluated with { Status = CheckoutStatus.CompleteInProgress };
        var claim = await SaveAsync(current, claimed, cancellationToken).ConfigureAwait(false);
        if (claim.Kind != CheckoutResultKind.Ok)
        {
            return claim;
        }

        claimed = claim.Session!;
        PlaceOrderResult placed;
        try
        {
            placed = await backend.PlaceOrderAsync(new PlaceOrderRequest(claimed, chosen.Instrument, chosen.Credential!), cancellationToken)
                .ConfigureAwait(false);
        }
        catch
        {
            // Hand the session back so the platform can retry; the backend did not confirm an order.
            await SaveAsync(claimed, evaluated, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        var path = $"$.payment.instruments[{index.ToString(CultureInfo.InvariantCulture)}]";
        CheckoutSession next;
        switch (placed.Outcome)
        {
            case PlaceOrderOutcome.Placed:
                var order = BuildOrder(claimed, placed, context);
                await orders.TryCreateAsync(order, cancellationToken).ConfigureAwait(false);
                next = claimed with
                {
                    Status = CheckoutStatus.Completed,
                    Order = new OrderConfirmation(order.Id, order.PermalinkUrl, order.Label),
                    ContinueUrl = null,
                    Messages = claimed.Messages.Where(m => !m.IsError).ToList(),
                };
                LogCompleted(logger, claimed.Id, order.Id);
                break;
            case PlaceOrderOutcome.RequiresBuyerAction:
                next = claimed with
                {
                    Status = CheckoutStatus.RequiresEscalation,
                    ContinueUrl = placed.ContinueUrl ?? claimed.ContinueUrl,
                    Messages = [.. claimed.Messages, UcpMessage.Error(MessageCodes.Requires3ds, placed.Message ?? "The buyer must confirm the payment.", MessageSeverity.RequiresBuyerInput, path)],
                };
                break;
            case PlaceOrderOutcome.OutOfStock:
                var outOfStock = claimed.Lines
                    .Select((line, i) => (line, i))
                    .Where(x => placed.OutOfStockLineIds.Contains(x.line.Id))
                    .Select(x => UcpMessage.Error(MessageCodes.OutOfStock, $"{x.line.Title} sold out before the order was placed.", MessageSeverity.Recoverable, LinePath(x.i)));
                next = Restate(claimed, [.. claimed.Messages, .. outOfStock]);
                break;
            default:
                LogDeclined(logger, claimed.Id);
                next = Restate(claimed, [.. claimed.Messages, UcpMessage.Error(MessageCodes.PaymentFailed, placed.Message ?? "The payment was declined.", MessageSeverity.Recoverable, path)]);
                break;
        }

        return await SaveAsync(claimed, next, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<CheckoutResult> CancelAsync(string id, CheckoutRequestContext context, CancellationToken cancellationToken)
    {
        var current = await LoadAsync(id, context, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return CheckoutResult.NotFound(id);
        }

        if (RefuseChange(current) is { } refusal)
        {
            return refusal;
        }

        return await SaveAsync(current, current with { Status = CheckoutStatus.Canceled, ContinueUrl = null }, cancellationToken).ConfigureAwait(false);
    }

    // Reads a session the caller may see, expiring it on the way when its time has passed.
    private async ValueTask<CheckoutSession?> LoadAsync(string id, CheckoutRequestContext context, CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (session is null || (session.PlatformProfile is not null && session.PlatformProfile != context.Negotiation.Platform.Url.AbsoluteUri))
        {
            // Another platform's session is reported as missing, so ids leak nothing.
            return null;
        }

        if (!session.IsTerminal && session.Status != CheckoutStatus.CompleteInProgress && timeProvider.GetUtcNow() >= session.ExpiresAt)
        {
            var expired = session with { Status = CheckoutStatus.Canceled, ContinueUrl = null };
            var saved = await SaveAsync(session, expired, cancellationToken).ConfigureAwait(false);
            return saved.Session ?? await sessions.GetAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return session;
    }

    private static CheckoutResult? RefuseChange(CheckoutSession session) => session.Status switch
    {
        CheckoutStatus.Completed => CheckoutResult.Conflict("checkout_completed", "The checkout is completed and can no longer change."),
        CheckoutStatus.Canceled => CheckoutResult.Conflict("checkout_canceled", "The checkout is canceled; start a new one."),
        CheckoutStatus.CompleteInProgress => CheckoutResult.Conflict("checkout_completing", "The checkout is being completed; read it again shortly."),
        _ => null,
    };

    private async ValueTask<CheckoutResult> SaveAsync(CheckoutSession current, CheckoutSession next, CancellationToken cancellationToken)
    {
        var versioned = next with { Version = current.Version + 1, UpdatedAt = timeProvider.GetUtcNow() };
        if (await sessions.TryUpdateAsync(versioned, current.Version, cancellationToken).ConfigureAwait(false))
        {
            return CheckoutResult.Ok(versioned);
        }

        return CheckoutResult.Conflict("checkout_modified", "The checkout was changed by another request; read it and try again.");
    }

    private IReadOnlyList<LineInput> RequireLines(IReadOnlyList<LineInput>? lines)
    {
        if (lines is null || lines.Count == 0)
        {
            throw new UcpRequestException("line_items must hold at least one line item.", "$.line_items");
        }

        var limits = options.Value.Checkout;
        if (lines.Count > limits.MaxLineItems)
        {
            throw new UcpRequestException($"A checkout holds at most {limits.MaxLineItems} line items.", "$.line_items");
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Quantity < 1 || lines[i].Quantity > limits.MaxQuantity)
            {
                throw new UcpRequestException($"quantity must be between 1 and {limits.MaxQuantity}.", $"{LinePath(i)}.quantity");
            }
        }

        return lines;
    }

    // Keeps ids the platform echoed back for lines it already had; new lines get fresh ids.
    private static List<LineInput> AssignLineIds(IReadOnlyList<LineInput> requested, IReadOnlyList<CheckoutLine> previous)
    {
        var known = previous.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var next = previous.Select(l => LineNumber(l.Id)).DefaultIfEmpty(0).Max() + 1;
        var result = new List<LineInput>(requested.Count);
        foreach (var line in requested)
        {
            var id = line.Id is not null && known.Contains(line.Id) && used.Add(line.Id) ? line.Id : null;
            while (id is null)
            {
                var candidate = "li_" + next++.ToString(CultureInfo.InvariantCulture);
                if (!known.Contains(candidate) && used.Add(candidate))
                {
                    id = candidate;
                }
            }

            result.Add(line with { Id = id });
        }

        // Parent ids must name a line of this checkout.
        return result.Select(l => l.ParentId is null || used.Contains(l.ParentId) ? l : l with { ParentId = null }).ToList();
    }

    private static int LineNumber(string id) =>
        id.StartsWith("li_", StringComparison.Ordinal) && int.TryParse(id.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static bool Active(CheckoutRequestContext context, string capability) => context.Negotiation.IsActive(capability);

    /// <summary>
    /// Applies the platform's fulfillment input to the stored methods. One shipping method with one group is kept:
    /// the sandbox and most stores ship everything together, and platforms without multi-group support expect one group.
    /// </summary>
    private static MethodDraft? MergeFulfillment(
        IReadOnlyList<FulfillmentMethodInput>? input, IReadOnlyList<FulfillmentMethod>? previous, CheckoutRequestContext context)
    {
        if (!Active(context, UcpCapabilities.Fulfillment))
        {
            return previous is { Count: > 0 } ? MethodDraft.From(previous[0]) : null;
        }

        var stored = previous is { Count: > 0 } ? MethodDraft.From(previous[0]) : null;
        var requested = input is { Count: > 0 } ? input[0] : null;
        if (requested is null)
        {
            return input is null ? stored : null;
        }

        var draft = stored ?? new MethodDraft { Id = "fm_1" };
        if (requested.Type == FulfillmentType.Pickup)
        {
            draft = draft with { PickupRequested = true };
        }

        if (requested.LineItemIds is not null)
        {
            draft = draft with { LineItemIds = requested.LineItemIds };
        }

        if (requested.Destinations is not null)
        {
            var destinations = new List<FulfillmentDestination>();
            var number = 1;
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var destination in requested.Destinations)
            {
                var id = destination.Id is { Length: > 0 } given && used.Add(given) ? given : null;
                while (id is null)
                {
                    var candidate = "dest_" + number++.ToString(CultureInfo.InvariantCulture);
                    if (!requested.Destinations.Any(d => d.Id == candidate) && used.Add(candidate))
                    {
                        id = candidate;
                    }
                }

                destinations.Add(new FulfillmentDestination(id, destination.Address));
            }

            draft = draft with { Destinations = destinations, SelectedDestinationId = destinations.Count == 1 ? destinations[0].Id : null };
        }

        if (requested.SelectedDestinationId is not null)
        {
            draft = draft with { SelectedDestinationId = requested.SelectedDestinationId };
        }

        var group = requested.Groups is { Count: > 0 } groups ? groups[0] : null;
        if (group is not null)
        {
            draft = draft with { SelectedOptionId = group.SelectedOptionId };
        }

        return draft;
    }

    private async ValueTask<Evaluation> EvaluateAsync(Draft draft, CheckoutSession? previous, CheckoutRequestContext context, CancellationToken cancellationToken)
    {
        var messages = new List<UcpMessage>();
        var fulfillmentActive = Active(context, UcpCapabilities.Fulfillment);
        var method = draft.Methods;

        // Offer the buyer's saved addresses when the platform has sent none.
        if (fulfillmentActive && method is not { Destinations.Count: > 0 } && draft.Buyer?.Email is { Length: > 0 } email)
        {
            var saved = await backend.FindSavedAddressesAsync(email, cancellationToken).ConfigureAwait(false);
            if (saved.Count > 0)
            {
                method = (method ?? new MethodDraft { Id = "fm_1" }) with
                {
                    Destinations = saved.Select(a => new FulfillmentDestination(a.Id, a.Address)).ToList(),
                };
            }
        }

        var selectedDestination = method?.SelectedDestinationId is { } destinationId
            ? method.Destinations.FirstOrDefault(d => d.Id == destinationId)
            : null;
        if (method?.SelectedDestinationId is not null && selectedDestination is null)
        {
            messages.Add(UcpMessage.Error(MessageCodes.Invalid, "selected_destination_id does not name a destination of this method.", MessageSeverity.Recoverable, "$.fulfillment.methods[0].selected_destination_id"));
            method = method with { SelectedDestinationId = null };
        }

        var quote = await backend.QuoteAsync(
            new QuoteRequest
            {
                CheckoutId = draft.Id,
                BackendReference = previous?.BackendReference,
                Lines = draft.Lines.Select(l => new QuoteLine(l.Id!, l.ItemId, l.Quantity)).ToList(),
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
            .Select(x => UcpMessage.Error(MessageCodes.ItemUnavailable, $"Item {x.line.ItemId} is not sold by this store.", MessageSeverity.Unrecoverable, $"{LinePath(x.i)}.item.id"))
            .ToList();
        if (unknown.Count > 0)
        {
            return new Evaluation(null, unknown);
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
        for (var i = 0; i < quote.Lines.Count; i++)
        {
            if (quote.Lines[i].AvailableQuantity is { } available && available < quote.Lines[i].Quantity)
            {
                var content = available <= 0
                    ? $"{quote.Lines[i].Title} is out of stock."
                    : $"Only {available.ToString(CultureInfo.InvariantCulture)} of {quote.Lines[i].Title} are in stock.";
                messages.Add(UcpMessage.Error(MessageCodes.OutOfStock, content, MessageSeverity.Recoverable, LinePath(i)));
            }
        }

        var fulfillment = BuildFulfillment(method, lines, quote, selectedDestination, messages, fulfillmentActive);

        if (options.Value.Checkout.RequireBuyerEmail && string.IsNullOrWhiteSpace(draft.Buyer?.Email))
        {
            messages.Add(UcpMessage.Error(MessageCodes.Missing, "A buyer email is required.", MessageSeverity.Recoverable, "$.buyer.email"));
        }

        foreach (var rejection in quote.RejectedDiscountCodes)
        {
            messages.Add(UcpMessage.Warning(rejection.ReasonCode, rejection.Content, $"$.discounts.codes[{rejection.Index.ToString(CultureInfo.InvariantCulture)}]"));
        }

        messages.AddRange(quote.Notices);
        var status = StatusFor(messages);
        var session = new CheckoutSession
        {
            Id = draft.Id,
            Status = status,
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
            ContinueUrl = ContinueUrl(draft.Id, context),
            BackendReference = quote.BackendReference,
            CreatedAt = previous?.CreatedAt ?? default,
            UpdatedAt = previous?.UpdatedAt ?? default,
            ExpiresAt = previous?.ExpiresAt ?? default,
            PlatformProfile = previous?.PlatformProfile,
            Version = previous?.Version ?? 0,
        };
        return new Evaluation(session, null);
    }

    private static List<FulfillmentMethod>? BuildFulfillment(
        MethodDraft? method, List<CheckoutLine> lines, CommerceQuote quote, FulfillmentDestination? selectedDestination,
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
            messages.Add(UcpMessage.Error(MessageCodes.Missing, "A shipping address is needed; the buyer can provide it at continue_url.", MessageSeverity.RequiresBuyerInput, "$"));
            return null;
        }

        if (method is null)
        {
            messages.Add(UcpMessage.Error(MessageCodes.Missing, "A shipping method with a destination is required.", MessageSeverity.Recoverable, "$.fulfillment.methods"));
            return null;
        }

        if (method.PickupRequested)
        {
            messages.Add(UcpMessage.Error(MessageCodes.Invalid, "This store offers shipping only.", MessageSeverity.Recoverable, "$.fulfillment.methods[0].type"));
        }

        var methodLines = method.LineItemIds?.Where(shippable.Contains).Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (methodLines.Count == 0)
        {
            methodLines = shippable;
        }

        if (shippable.Except(methodLines).Any())
        {
            messages.Add(UcpMessage.Error(MessageCodes.Missing, "Every shipped line item needs a fulfillment method.", MessageSeverity.Recoverable, "$.fulfillment.methods[0].line_item_ids"));
        }

        var options = quote.ShippingOptions ?? [];
        var selectedOption = quote.SelectedShippingOptionId is { } optionId && options.Any(o => o.Id == optionId) ? optionId : null;
        if (selectedDestination is null)
        {
            messages.Add(UcpMessage.Error(
                MessageCodes.Missing,
                method.Destinations.Count == 0 ? "A shipping destination is required." : "Select one of the destinations.",
                MessageSeverity.Recoverable,
                method.Destinations.Count == 0 ? "$.fulfillment.methods[0].destinations" : "$.fulfillment.methods[0].selected_destination_id"));
        }
        else if (options.Count == 0)
        {
            var index = method.Destinations.ToList().FindIndex(d => d.Id == selectedDestination.Id);
            messages.Add(UcpMessage.Error(MessageCodes.AddressUndeliverable, "This store does not ship to the selected destination.", MessageSeverity.Recoverable, $"$.fulfillment.methods[0].destinations[{index.ToString(CultureInfo.InvariantCulture)}]"));
        }
        else if (selectedOption is null)
        {
            if (method.SelectedOptionId is not null)
            {
                messages.Add(UcpMessage.Warning(MessageCodes.FulfillmentChanged, "The chosen shipping option is not offered for this destination; choose again.", "$.fulfillment.methods[0].groups[0].selected_option_id"));
            }

            messages.Add(UcpMessage.Error(MessageCodes.Missing, "Select a shipping option.", MessageSeverity.Recoverable, "$.fulfillment.methods[0].groups[0].selected_option_id"));
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

    private static CheckoutStatus StatusFor(IReadOnlyList<UcpMessage> messages) =>
        messages.Any(m => m.RequiresEscalation) ? CheckoutStatus.RequiresEscalation
        : messages.Any(m => m.IsError) ? CheckoutStatus.Incomplete
        : CheckoutStatus.ReadyForComplete;

    private static CheckoutSession Restate(CheckoutSession session, IReadOnlyList<UcpMessage> messages) =>
        session with { Messages = messages, Status = StatusFor(messages) };

    private static int SelectInstrument(IReadOnlyList<InstrumentInput> instruments)
    {
        for (var i = 0; i < instruments.Count; i++)
        {
            if (instruments[i].Instrument.Selected == true)
            {
                return i;
            }
        }

        return 0;
    }

    private UcpMessage? CheckInstrument(InstrumentInput input, int index)
    {
        var path = $"$.payment.instruments[{index.ToString(CultureInfo.InvariantCulture)}]";
        var handler = backend.PaymentHandlers.FirstOrDefault(h => h.Id == input.Instrument.HandlerId);
        if (handler is null)
        {
            return UcpMessage.Error(MessageCodes.Invalid, $"Payment handler {input.Instrument.HandlerId} is not offered by this store.", MessageSeverity.Recoverable, path + ".handler_id");
        }

        if (handler.InstrumentTypes.Count > 0 && !handler.InstrumentTypes.Contains(input.Instrument.Type, StringComparer.Ordinal))
        {
            return UcpMessage.Error(MessageCodes.Invalid, $"Instrument type {input.Instrument.Type} is not accepted by {handler.Id}.", MessageSeverity.Recoverable, path + ".type");
        }

        return input.Credential?.Token is { Length: > 0 }
            ? null
            : UcpMessage.Error(MessageCodes.Missing, "The instrument needs a credential with a token.", MessageSeverity.Recoverable, path + ".credential");
    }

    private Order BuildOrder(CheckoutSession session, PlaceOrderResult placed, CheckoutRequestContext context)
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
            Id = orderId,
            Label = placed.OrderLabel,
            CheckoutId = session.Id,
            PermalinkUrl = StorefrontUrl(context, "orders/" + Uri.EscapeDataString(orderId)),
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
            CreatedAt = timeProvider.GetUtcNow(),
            PlatformProfile = session.PlatformProfile,
            Version = 1,
        };
    }

    private Uri ContinueUrl(string id, CheckoutRequestContext context) => StorefrontUrl(context, "checkout/" + Uri.EscapeDataString(id));

    private Uri StorefrontUrl(CheckoutRequestContext context, string relative)
    {
        var root = options.Value.StorefrontUrl ?? options.Value.PublicBaseUrl ?? context.BaseUrl;
        var text = root.AbsoluteUri;
        return new Uri(text.EndsWith('/') ? text + relative : text + "/" + relative);
    }

    private static string LinePath(int index) => $"$.line_items[{index.ToString(CultureInfo.InvariantCulture)}]";

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Checkout {CheckoutId} created ({Status})")]
    private static partial void LogCreated(ILogger logger, string checkoutId, CheckoutStatus status);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Checkout {CheckoutId} completed as order {OrderId}")]
    private static partial void LogCompleted(ILogger logger, string checkoutId, string orderId);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Checkout {CheckoutId}: payment declined")]
    private static partial void LogDeclined(ILogger logger, string checkoutId);

    private sealed record Evaluation(CheckoutSession? Session, IReadOnlyList<UcpMessage>? Rejection);

    private sealed record Draft
    {
        public required string Id { get; init; }
        public required List<LineInput> Lines { get; init; }
        public Buyer? Buyer { get; init; }
        public PurchaseContext? Context { get; init; }
        public MethodDraft? Methods { get; init; }
        public IReadOnlyList<string> DiscountCodes { get; init; } = [];
        public IReadOnlyList<PaymentInstrument> Instruments { get; init; } = [];

        public static Draft From(CheckoutSession session) => new()
        {
            Id = session.Id,
            Lines = session.Lines.Select(l => new LineInput(l.Id, l.ItemId, l.Quantity, l.ParentId)).ToList(),
            Buyer = session.Buyer,
            Context = session.Context,
            Methods = session.Fulfillment is { Count: > 0 } methods ? MethodDraft.From(methods[0]) : null,
            DiscountCodes = session.DiscountCodes,
            Instruments = session.PaymentInstruments,
        };
    }

    private sealed record MethodDraft
    {
        public required string Id { get; init; }
        public IReadOnlyList<string>? LineItemIds { get; init; }
        public IReadOnlyList<FulfillmentDestination> Destinations { get; init; } = [];
        public string? SelectedDestinationId { get; init; }
        public string? SelectedOptionId { get; init; }
        public bool PickupRequested { get; init; }

        public static MethodDraft From(FulfillmentMethod method) => new()
        {
            Id = method.Id,
            LineItemIds = method.LineItemIds,
            Destinations = method.Destinations,
            SelectedDestinationId = method.SelectedDestinationId,
            SelectedOptionId = method.Groups.Count > 0 ? method.Groups[0].SelectedOptionId : null,
        };
    }
}
