using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WixUcp.Commerce;
using WixUcp.Diagnostics;
using WixUcp.Messages;
using WixUcp.Protocol;
using WixUcp.Webhooks;

namespace WixUcp.Checkout;

/// <summary>
/// The checkout lifecycle: create, read, update, complete, cancel, expiry and the optimistic saves between them.
/// Pricing and messages come from <see cref="CheckoutEvaluator"/>; the order snapshot from <see cref="OrderBuilder"/>.
/// </summary>
internal sealed partial class CheckoutService(
    ICheckoutSessionStore sessions,
    ICheckoutCompletionStore completions,
    [FromKeyedServices(MeasuredCheckoutBackend.ServiceKey)] ICheckoutBackend backend,
    TimeProvider timeProvider,
    IOptions<WixUcpOptions> options,
    ILogger<CheckoutService> logger,
    WixUcpMetrics? metrics = null,
    OrderWebhooks? orderWebhooks = null,
    WebhookWakeup? webhookWakeup = null)
{
    private static readonly TimeSpan StaleCompletionClaim = TimeSpan.FromMinutes(2);
    private readonly CheckoutEvaluator _evaluator = new(backend, options.Value);

    public async ValueTask<CheckoutResult> CreateAsync(CheckoutInput input, CheckoutRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var (requested, adjusted) = InputLimits.RequireLines(input.Lines, options.Value.Checkout);
        InputLimits.RequireFewDiscountCodes(input.DiscountCodes, options.Value.Checkout);
        var lines = LineIds.Assign(requested, previous: []);
        var now = timeProvider.GetUtcNow();
        var draft = new CheckoutDraft
        {
            Id = Ids.New("chk_"),
            Lines = lines,
            AdjustedQuantities = adjusted,
            Buyer = input.Buyer,
            Context = input.Context,
            Method = FulfillmentMerger.Merge(input.FulfillmentMethods, previous: null, FulfillmentActive(context)),
            DiscountCodes = DiscountActive(context) ? input.DiscountCodes ?? [] : [],
            Instruments = input.PaymentInstruments?.Select(i => i.Instrument).ToList() ?? [],
        };

        var evaluation = await _evaluator.EvaluateAsync(draft, previous: null, context, cancellationToken).ConfigureAwait(false);
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
        metrics?.CheckoutCreated();
        CountDiscountCodes([], session);
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
        var (requested, adjusted) = InputLimits.RequireLines(input.Lines, options.Value.Checkout);
        InputLimits.RequireFewDiscountCodes(input.DiscountCodes, options.Value.Checkout);
        var current = await LoadAsync(id, context, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return CheckoutResult.NotFound(id);
        }

        if (current.Status == CheckoutStatus.CompleteInProgress)
        {
            return CheckoutResult.Frozen(current);
        }

        if (RefuseChange(current) is { } refusal)
        {
            return refusal;
        }

        var draft = new CheckoutDraft
        {
            Id = current.Id,
            Lines = LineIds.Assign(requested, current.Lines),
            AdjustedQuantities = adjusted,
            Buyer = input.ReplacesAbsent
                ? input.Buyer is { } buyer ? buyer with { Consent = buyer.Consent ?? current.Buyer?.Consent } : null
                : input.Buyer ?? current.Buyer,
            Context = input.ReplacesAbsent ? input.Context : input.Context ?? current.Context,
            Method = input.ReplacesAbsent && input.FulfillmentMethods is null
                ? null
                : FulfillmentMerger.Merge(input.FulfillmentMethods, current.Fulfillment, FulfillmentActive(context)),
            DiscountCodes = !DiscountActive(context) ? current.DiscountCodes
                : input.ReplacesAbsent ? input.DiscountCodes ?? []
                : input.DiscountCodes ?? current.DiscountCodes,
            Instruments = input.PaymentInstruments?.Select(i => i.Instrument).ToList() ?? (input.ReplacesAbsent ? [] : current.PaymentInstruments),
        };

        var evaluation = await _evaluator.EvaluateAsync(draft, current, context, cancellationToken).ConfigureAwait(false);
        if (evaluation.Rejection is not null)
        {
            return CheckoutResult.Rejected(evaluation.Rejection);
        }

        var updated = await SaveAsync(current, evaluation.Session!, cancellationToken).ConfigureAwait(false);
        if (updated.Session is { } saved)
        {
            CountDiscountCodes(current.DiscountCodes, saved);
        }

        return updated;
    }

    public async ValueTask<CheckoutResult> CompleteAsync(string id, CheckoutInput input, CheckoutRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.PaymentInstruments is not { Count: > 0 } instruments)
        {
            throw new UcpRequestException("Complete needs payment.instruments with at least one instrument.", MessageTarget.Of(MessageTargetKind.PaymentInstruments));
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

        var draft = CheckoutDraft.From(current) with { Instruments = instruments.Select(i => i.Instrument).ToList() };
        var evaluation = await _evaluator.EvaluateAsync(draft, current, context, cancellationToken).ConfigureAwait(false);
        if (evaluation.Rejection is not null)
        {
            return CheckoutResult.Rejected(evaluation.Rejection);
        }

        var evaluated = evaluation.Session!;
        var index = PaymentCheck.SelectInstrument(instruments);
        var chosen = instruments[index];
        var paymentProblem = PaymentCheck.Problem(chosen, index, context.PaymentHandlers);
        if (evaluated.Status != CheckoutStatus.ReadyForComplete || paymentProblem is not null)
        {
            var messages = paymentProblem is null ? evaluated.Messages : [.. evaluated.Messages, paymentProblem];
            return await SaveAsync(current, Restate(evaluated, messages), cancellationToken).ConfigureAwait(false);
        }

        // Claim the session first so a concurrent complete cannot charge twice.
        var claim = await SaveAsync(current, evaluated with { Status = CheckoutStatus.CompleteInProgress }, cancellationToken).ConfigureAwait(false);
        if (claim.Kind != CheckoutResultKind.Ok)
        {
            return claim;
        }

        var claimed = claim.Session!;
        LogPaymentAttempt(logger, claimed.Id, chosen.Instrument.HandlerId, chosen.Instrument.Type);
        PlaceOrderResult placed;
        try
        {
            placed = await backend.PlaceOrderAsync(
                new PlaceOrderRequest { Tenant = context.Tenant, Checkout = claimed, Instrument = chosen.Instrument, Credential = chosen.Credential! },
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            metrics?.PaymentAttempted("error");
            // Hand the session back so the platform can retry; the backend did not confirm an order.
            await SaveAsync(claimed, evaluated, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        // The backend has answered (and may have charged): what follows is recorded even if the caller has gone away,
        // so a paid checkout never stays claimed without its order.
        var settled = CancellationToken.None;
        var instrumentTarget = MessageTarget.At(MessageTargetKind.PaymentInstrument, index);
        switch (placed.Outcome)
        {
            case PlaceOrderOutcome.Placed:
                metrics?.PaymentAttempted("authorized");
                return await CommitOrderAsync(claimed, placed, context, settled).ConfigureAwait(false);
            case PlaceOrderOutcome.RequiresBuyerAction:
                metrics?.PaymentAttempted("escalated");
                LogEscalated(logger, claimed.Id);
                return await SaveAsync(claimed, claimed with
                {
                    Status = CheckoutStatus.RequiresEscalation,
                    ContinueUrl = placed.ContinueUrl ?? claimed.ContinueUrl,
                    Messages = [.. claimed.Messages, UcpMessage.Error(MessageCodes.Requires3ds, placed.Message ?? "The buyer must confirm the payment.", MessageSeverity.RequiresBuyerInput, instrumentTarget)],
                }, settled).ConfigureAwait(false);
            case PlaceOrderOutcome.OutOfStock:
                metrics?.PaymentAttempted("out_of_stock");
                LogSoldOut(logger, claimed.Id, placed.OutOfStockLineIds.Count);
                var outOfStock = claimed.Lines
                    .Select((line, i) => (line, i))
                    .Where(x => placed.OutOfStockLineIds.Contains(x.line.Id))
                    .Select(x => UcpMessage.Error(MessageCodes.OutOfStock, $"{x.line.Title} sold out before the order was placed.", MessageSeverity.Recoverable, MessageTarget.At(MessageTargetKind.LineItem, x.i)));
                return await SaveAsync(claimed, Restate(claimed, [.. claimed.Messages, .. outOfStock]), settled).ConfigureAwait(false);
            default:
                metrics?.PaymentAttempted("declined");
                LogDeclined(logger, claimed.Id);
                var declined = UcpMessage.Error(MessageCodes.PaymentFailed, placed.Message ?? "The payment was declined.", MessageSeverity.Recoverable, instrumentTarget);
                return await SaveAsync(claimed, Restate(claimed, [.. claimed.Messages, declined]), settled).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Completes a session escalated to the buyer once the store reports the order placed outside the protocol (the
    /// buyer paid on the store's own page), without the platform calling complete again. The backend is asked as
    /// complete would ask it; anything but a placed order leaves the session escalated.
    /// </summary>
    public async ValueTask<CheckoutResult?> SettleEscalatedAsync(string id, CheckoutRequestContext context, CancellationToken cancellationToken)
    {
        var current = await LoadAsync(id, context, cancellationToken).ConfigureAwait(false);
        if (current is not { Status: CheckoutStatus.RequiresEscalation } || current.PaymentInstruments.Count == 0)
        {
            return null;
        }

        var claim = await SaveAsync(current, current with { Status = CheckoutStatus.CompleteInProgress }, cancellationToken).ConfigureAwait(false);
        if (claim.Kind != CheckoutResultKind.Ok)
        {
            return null;   // a complete call got there first
        }

        var claimed = claim.Session!;
        var instrument = claimed.PaymentInstruments[PaymentCheck.SelectInstrument([.. claimed.PaymentInstruments.Select(i => new InstrumentInput(i, null))])];
        PlaceOrderResult placed;
        try
        {
            // No credential is stored: a backend reporting an order paid on its own page does not charge again.
            placed = await backend.PlaceOrderAsync(
                new PlaceOrderRequest { Tenant = context.Tenant, Checkout = claimed, Instrument = instrument, Credential = new PaymentCredential { Type = "settled" } },
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await SaveAsync(claimed, current, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        if (placed.Outcome != PlaceOrderOutcome.Placed)
        {
            await SaveAsync(claimed, current, CancellationToken.None).ConfigureAwait(false);
            return null;
        }

        metrics?.PaymentAttempted("authorized");
        return await CommitOrderAsync(claimed, placed, context, CancellationToken.None).ConfigureAwait(false);
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

        var canceled = await SaveAsync(current, current with { Status = CheckoutStatus.Canceled, ContinueUrl = null }, cancellationToken).ConfigureAwait(false);
        if (canceled.Session is not null)
        {
            LogCanceled(logger, current.Id);
            metrics?.CheckoutCanceled();
        }

        return canceled;
    }

    // The completed session and its order are written in one commit: either both are stored or neither is.
    private async ValueTask<CheckoutResult> CommitOrderAsync(CheckoutSession claimed, PlaceOrderResult placed, CheckoutRequestContext context, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var order = OrderBuilder.Build(claimed, placed, context, options.Value, now);
        var completed = claimed with
        {
            Status = CheckoutStatus.Completed,
            Order = new OrderConfirmation { Id = order.Id, PermalinkUrl = order.PermalinkUrl, Label = order.Label },
            ContinueUrl = null,
            Messages = claimed.Messages.Where(m => !m.IsError).ToList(),
            Version = claimed.Version + 1,
            UpdatedAt = now,
        };
        var commit = new CheckoutCompletion
        {
            Session = completed,
            ExpectedVersion = claimed.Version,
            Order = order,
            Deliveries = orderWebhooks is null ? [] : await orderWebhooks.ForAsync(order, context.BaseUrl, cancellationToken).ConfigureAwait(false),
        };
        if (!await completions.TryCommitAsync(commit, cancellationToken).ConfigureAwait(false))
        {
            return CheckoutResult.Conflict("checkout_modified", "The checkout was changed by another request; read it and try again.");
        }

        if (commit.Deliveries.Count > 0)
        {
            webhookWakeup?.Notify();
        }

        LogCompleted(logger, claimed.Id, order.Id);
        metrics?.CheckoutCompleted(completed.Currency, completed.Totals.FirstOrDefault(t => t.Type == TotalTypes.Total)?.Amount ?? 0);
        return CheckoutResult.Ok(completed);
    }

    // Reads a session the caller may see, expiring it on the way when its time has passed.
    private async ValueTask<CheckoutSession?> LoadAsync(string id, CheckoutRequestContext context, CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(context.Tenant.Id, id, cancellationToken).ConfigureAwait(false);
        if (session is null || (session.PlatformProfile is not null && session.PlatformProfile != context.Negotiation.Platform.Url.AbsoluteUri))
        {
            // Another platform's session is reported as missing, so ids leak nothing.
            return null;
        }

        if (!session.IsTerminal && session.Status != CheckoutStatus.CompleteInProgress && timeProvider.GetUtcNow() >= session.ExpiresAt)
        {
            var expired = session with { Status = CheckoutStatus.Canceled, ContinueUrl = null };
            var saved = await SaveAsync(session, expired, cancellationToken).ConfigureAwait(false);
            if (saved.Session is not null)
            {
                // Only the request whose write expired it counts it, so replicas never count one checkout twice.
                LogExpired(logger, session.Id, session.Status);
                metrics?.CheckoutAbandoned();
            }

            return saved.Session ?? await sessions.GetAsync(context.Tenant.Id, id, cancellationToken).ConfigureAwait(false);
        }

        return session;
    }

    private static CheckoutResult? RefuseChange(CheckoutSession session) => session.Status switch
    {
        CheckoutStatus.Completed => CheckoutResult.Conflict("checkout_completed", "The checkout is completed and can no longer change."),
        CheckoutStatus.Canceled => CheckoutResult.Conflict("checkout_canceled", "The checkout is canceled; start a new one."),
        CheckoutStatus.CompleteInProgress => CheckoutResult.Conflict(CheckoutResult.CompletingCode, "The checkout is being completed; read it again shortly."),
        _ => null,
    };

    private async ValueTask<CheckoutResult> SaveAsync(CheckoutSession current, CheckoutSession next, CancellationToken cancellationToken)
    {
        var versioned = next with { Version = current.Version + 1, UpdatedAt = timeProvider.GetUtcNow() };
        if (await sessions.TryUpdateAsync(versioned, current.Version, cancellationToken).ConfigureAwait(false))
        {
            if (versioned.Status != current.Status)
            {
                LogTransition(logger, current.Id, current.Status, versioned.Status);
            }

            return CheckoutResult.Ok(versioned);
        }

        return CheckoutResult.Conflict("checkout_modified", "The checkout was changed by another request; read it and try again.");
    }

    // Quantities below 1 break the schema and are refused; above the configured maximum they are valid requests the
    // store cannot take whole, so the line is clamped and the evaluation warns (quantity_adjusted) instead.
    private static bool FulfillmentActive(CheckoutRequestContext context) => context.Negotiation.IsActive(UcpCapabilities.Fulfillment);

    private static bool DiscountActive(CheckoutRequestContext context) => context.Negotiation.IsActive(UcpCapabilities.Discount);

    private static CheckoutSession Restate(CheckoutSession session, IReadOnlyList<UcpMessage> messages) =>
        session with { Messages = messages, Status = CheckoutEvaluator.StatusFor(messages) };

    // Codes newly sent with this write, applied or not: the discount-code use a dashboard follows.
    private void CountDiscountCodes(IReadOnlyList<string> before, CheckoutSession after)
    {
        if (metrics is null || after.DiscountCodes.Count == 0)
        {
            return;
        }

        var sent = after.DiscountCodes.Except(before, StringComparer.OrdinalIgnoreCase).ToList();
        var applied = sent.Count(code => after.AppliedDiscounts.Any(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase)));
        metrics.DiscountCodes(applied, sent.Count - applied);
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Checkout {CheckoutId} created ({Status})")]
    private static partial void LogCreated(ILogger logger, string checkoutId, CheckoutStatus status);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Checkout {CheckoutId} completed as order {OrderId}")]
    private static partial void LogCompleted(ILogger logger, string checkoutId, string orderId);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Checkout {CheckoutId}: payment declined")]
    private static partial void LogDeclined(ILogger logger, string checkoutId);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Checkout {CheckoutId} moved from {From} to {To}")]
    private static partial void LogTransition(ILogger logger, string checkoutId, CheckoutStatus from, CheckoutStatus to);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Information, Message = "Checkout {CheckoutId}: payment attempt with handler {HandlerId} ({InstrumentType})")]
    private static partial void LogPaymentAttempt(ILogger logger, string checkoutId, string handlerId, string instrumentType);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Information, Message = "Checkout {CheckoutId}: the payment needs the buyer (escalated)")]
    private static partial void LogEscalated(ILogger logger, string checkoutId);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Warning, Message = "Checkout {CheckoutId}: {Lines} line(s) sold out while the order was placed")]
    private static partial void LogSoldOut(ILogger logger, string checkoutId, int lines);

    [LoggerMessage(EventId = 1208, Level = LogLevel.Information, Message = "Checkout {CheckoutId} canceled by the platform")]
    private static partial void LogCanceled(ILogger logger, string checkoutId);

    [LoggerMessage(EventId = 1209, Level = LogLevel.Information, Message = "Checkout {CheckoutId} expired without completion ({Status})")]
    private static partial void LogExpired(ILogger logger, string checkoutId, CheckoutStatus status);
}
