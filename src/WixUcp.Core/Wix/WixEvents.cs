using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WixUcp.Checkout;
using WixUcp.Commerce;
using WixUcp.Negotiation;
using WixUcp.Tenancy;
using WixUcp.Installations;
using WixUcp.Orders;
using WixUcp.Wix.Wire;

namespace WixUcp.Wix;

/// <summary>What became of a verified Wix event.</summary>
internal enum WixEventOutcome
{
    /// <summary>Acted on.</summary>
    Handled,

    /// <summary>Already seen (Wix retries until it gets a 200 within 1,250 ms).</summary>
    Duplicate,

    /// <summary>Older than the replay window.</summary>
    Stale,

    /// <summary>Not an event this server acts on.</summary>
    Ignored,
}

/// <summary>
/// Acts on Wix's events: <c>AppInstalled</c> records the app instance and <c>AppRemoved</c> erases it (and its cached
/// tokens); fulfillments become UCP <c>shipped</c> events with tracking and fulfilled lines, a full refund a refund
/// adjustment, each through the order service, so platforms get their order webhooks. Every change is idempotent by
/// Wix's own ids (a fulfillment is recorded once), so a retried or replayed event changes nothing twice.
/// </summary>
internal sealed partial class WixEvents(
    IAppInstanceStore instances, WixTokenSource tokens, WixSites sites, WixApiClient wix, OrderService orders, IOrderStore store,
    WixCheckoutLinks links, ICheckoutSessionStore sessions, CheckoutService checkouts, UcpNegotiator negotiator, ICheckoutBackend backend,
    IOptions<WixUcpOptions> options, TimeProvider time, ILogger<WixEvents> logger) : IDisposable
{
    private readonly MemoryCache _seen = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public async ValueTask<WixEventOutcome> HandleAsync(WixEvent e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        var window = options.Value.Wix.WebhookReplayWindow;
        if ((time.GetUtcNow() - e.EventTime).Duration() > window)
        {
            LogStale(logger, e.EventType, e.Id);
            return WixEventOutcome.Stale;
        }

        if (_seen.TryGetValue(e.Id, out _))
        {
            return WixEventOutcome.Duplicate;
        }

        WixEventOutcome outcome;
        try
        {
            outcome = e.EventType switch
            {
                "AppInstalled" => await InstalledAsync(e, cancellationToken).ConfigureAwait(false),
                "AppRemoved" => await RemovedAsync(e, cancellationToken).ConfigureAwait(false),
                "wix.ecom.v1.fulfillments_updated" => await FulfillmentsAsync(e, cancellationToken).ConfigureAwait(false),
                "wix.ecom.v1.order_payment_status_updated" => await PaymentStatusAsync(e, cancellationToken).ConfigureAwait(false),
                "wix.ecom.v1.order_approved" => await PaidAsync(e, cancellationToken).ConfigureAwait(false),
                "wix.ecom.v1.order_canceled" => await CanceledAsync(e, cancellationToken).ConfigureAwait(false),
                _ => WixEventOutcome.Ignored,
            };
        }
        catch (System.Text.Json.JsonException)
        {
            outcome = WixEventOutcome.Ignored;   // an entity this server cannot read is not one it acts on
        }
        catch (WixApiException ex) when (ex.Status == 404)
        {
            outcome = WixEventOutcome.Ignored;
        }
        catch (WixApiException ex)
        {
            // Wix refusing a read now: answered 503, so Wix sends the event again.
            throw new CommerceBackendException($"Wix refused a read while handling {e.EventType} ({ex.Status}).", ex);
        }

        // Remembered only once acted on: an event that failed half-way is taken again when Wix retries it.
        _seen.Set(e.Id, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = window });
        LogEvent(logger, e.EventType, e.Id, e.InstanceId, outcome);
        return outcome;
    }

    private async ValueTask<WixEventOutcome> InstalledAsync(WixEvent e, CancellationToken cancellationToken)
    {
        var existing = await instances.GetAsync(e.InstanceId, cancellationToken).ConfigureAwait(false);
        await instances.UpsertAsync(new AppInstance { InstanceId = e.InstanceId, InstalledAt = existing?.InstalledAt ?? time.GetUtcNow(), SiteId = existing?.SiteId }, cancellationToken).ConfigureAwait(false);
        return WixEventOutcome.Handled;
    }

    private async ValueTask<WixEventOutcome> RemovedAsync(WixEvent e, CancellationToken cancellationToken)
    {
        await instances.DeleteAsync(e.InstanceId, cancellationToken).ConfigureAwait(false);
        tokens.Forget(e.InstanceId);
        return WixEventOutcome.Handled;
    }

    private async ValueTask<WixEventOutcome> FulfillmentsAsync(WixEvent e, CancellationToken cancellationToken)
    {
        var update = e.Body?.Deserialize(WixJson.Default.WixOrderWithFulfillments);
        var orderId = update?.OrderId ?? e.EntityId;
        var tenant = sites.TenantOf(e.InstanceId);
        if (update is null || orderId is null || options.Value.PublicBaseUrl is not { } baseUrl
            || await store.GetAsync(tenant.Id, orderId, cancellationToken).ConfigureAwait(false) is null)
        {
            // Orders placed elsewhere (the storefront, POS) are not UCP orders: nothing to ask Wix about.
            return WixEventOutcome.Ignored;
        }

        // Wix names its own order lines; they map to the UCP order's lines by product and variant, in order.
        var site = await sites.ResolveAsync(tenant, cancellationToken).ConfigureAwait(false);
        var wixOrder = (await wix.SendAsync(site, "get_order", HttpMethod.Get, "ecom/v1/orders/" + Uri.EscapeDataString(orderId), WixJson.Default.WixOrderEnvelope, cancellationToken).ConfigureAwait(false)).Order;
        var changed = await orders.ChangeAsync(tenant, orderId, baseUrl, (order, now) => WithFulfillments(order, wixOrder?.LineItems ?? [], update.Fulfillments, now), cancellationToken).ConfigureAwait(false);
        return changed is null ? WixEventOutcome.Ignored : WixEventOutcome.Handled;
    }

    // The buyer paid on Wix's page: the session sent there completes now, without waiting for the platform to ask.
    private async ValueTask<WixEventOutcome> PaidAsync(WixEvent e, CancellationToken cancellationToken)
    {
        var order = e.Body?.Deserialize(WixJson.Default.WixOrderAction)?.Order;
        if (order?.CheckoutId is not { Length: > 0 } wixCheckoutId || order.PaymentStatus is not ("PAID" or null)
            || options.Value.PublicBaseUrl is not { } baseUrl
            || await links.FindAsync(wixCheckoutId, cancellationToken).ConfigureAwait(false) is not { } link)
        {
            return WixEventOutcome.Ignored;
        }

        var tenant = link.TenantId == UcpTenant.Default.Id ? UcpTenant.Default : new UcpTenant { Id = link.TenantId };
        if (await sessions.GetAsync(tenant.Id, link.SessionId, cancellationToken).ConfigureAwait(false) is not { PlatformProfile: { Length: > 0 } profile } session)
        {
            return WixEventOutcome.Ignored;
        }

        NegotiationResult negotiation;
        try
        {
            negotiation = await negotiator.NegotiateAsync($"profile=\"{profile}\"", UcpOperation.Checkout, cancellationToken).ConfigureAwait(false);
        }
        catch (NegotiationException ex)
        {
            throw new CommerceBackendException("The platform's profile could not be read to complete the checkout; Wix retries the event.", ex);
        }

        var handlers = await backend.GetPaymentHandlersAsync(tenant, cancellationToken).ConfigureAwait(false);
        var settled = await checkouts.SettleEscalatedAsync(session.Id, new CheckoutRequestContext(baseUrl, negotiation, tenant, handlers), cancellationToken).ConfigureAwait(false);
        return settled is null ? WixEventOutcome.Ignored : WixEventOutcome.Handled;
    }

    private async ValueTask<WixEventOutcome> PaymentStatusAsync(WixEvent e, CancellationToken cancellationToken)
    {
        var action = e.Body?.Deserialize(WixJson.Default.WixOrderAction);
        if (action?.Order?.PaymentStatus == "PAID")
        {
            return await PaidAsync(e, cancellationToken).ConfigureAwait(false);
        }

        var orderId = action?.Order?.Id ?? e.EntityId;
        var tenant = sites.TenantOf(e.InstanceId);
        if (action?.Order?.PaymentStatus != "FULLY_REFUNDED" || orderId is null || options.Value.PublicBaseUrl is not { } baseUrl)
        {
            return WixEventOutcome.Ignored;
        }

        var changed = await orders.ChangeAsync(tenant, orderId, baseUrl, (order, now) => order.Adjustments.Any(a => a.Id == RefundAdjustmentId)
            ? order
            : order with
            {
                Adjustments = [.. order.Adjustments, new OrderAdjustment
                {
                    Id = RefundAdjustmentId,
                    Type = "refund",
                    OccurredAt = now,
                    Status = AdjustmentStatus.Completed,
                    Totals = [new Total(TotalTypes.Total, -order.Totals.Where(t => t.Type == TotalTypes.Total).Sum(t => t.Amount))],
                }],
            }, cancellationToken).ConfigureAwait(false);
        return changed is null ? WixEventOutcome.Ignored : WixEventOutcome.Handled;
    }

    private const string RefundAdjustmentId = "wix_refund";

    private const string CancellationAdjustmentId = "wix_cancellation";

    // The merchant canceled the order in Wix: what was not shipped is no longer coming.
    private async ValueTask<WixEventOutcome> CanceledAsync(WixEvent e, CancellationToken cancellationToken)
    {
        var orderId = e.Body?.Deserialize(WixJson.Default.WixOrderAction)?.Order?.Id ?? e.EntityId;
        if (orderId is null || options.Value.PublicBaseUrl is not { } baseUrl)
        {
            return WixEventOutcome.Ignored;
        }

        var changed = await orders.ChangeAsync(sites.TenantOf(e.InstanceId), orderId, baseUrl, (order, now) => Canceled(order, e.EventTime == DateTimeOffset.MinValue ? now : e.EventTime), cancellationToken).ConfigureAwait(false);
        return changed is null ? WixEventOutcome.Ignored : WixEventOutcome.Handled;
    }

    private static Order Canceled(Order order, DateTimeOffset at)
    {
        var open = order.Lines.Where(l => l.Quantity > l.FulfilledQuantity).Select(l => new OrderLineQuantity(l.Id, l.FulfilledQuantity - l.Quantity)).ToList();   // signed: a reduction
        if (order.Adjustments.Any(a => a.Id == CancellationAdjustmentId) || open.Count == 0)
        {
            return order;
        }

        return order with
        {
            Lines = [.. order.Lines.Select(l => l with { Quantity = l.FulfilledQuantity })],
            Adjustments = [.. order.Adjustments, new OrderAdjustment { Id = CancellationAdjustmentId, Type = "cancellation", OccurredAt = at, Status = AdjustmentStatus.Completed, Lines = open }],
        };
    }

    private static Order WithFulfillments(Order order, IReadOnlyList<WixCheckoutLine> wixLines, IReadOnlyList<WixFulfillment> fulfillments, DateTimeOffset now)
    {
        var pool = order.Lines.ToList();
        var lineOf = new Dictionary<string, OrderLine>(StringComparer.Ordinal);
        foreach (var wixLine in wixLines.Where(l => l.Id is not null))
        {
            var reference = wixLine.CatalogReference;
            var match = pool.FirstOrDefault(l => WixCatalogBackend.ProductIdOf(l.ItemId) == reference?.CatalogItemId
                && (WixCatalogBackend.WixVariantIdOf(l.ItemId) is null or WixCatalogBackend.DefaultVariantId || WixCatalogBackend.WixVariantIdOf(l.ItemId) == reference?.Options?.VariantId));
            if (match is not null)
            {
                pool.Remove(match);
                lineOf[wixLine.Id!] = match;
            }
        }

        var fulfilled = new Dictionary<string, int>(StringComparer.Ordinal);
        var events = order.Events.ToList();
        foreach (var fulfillment in fulfillments.Where(f => f.Id is not null))
        {
            var lines = fulfillment.LineItems.Where(l => l.Id is not null && lineOf.ContainsKey(l.Id)).Select(l => new OrderLineQuantity(lineOf[l.Id!].Id, l.Quantity)).ToList();
            foreach (var line in lines)
            {
                fulfilled[line.LineId] = fulfilled.GetValueOrDefault(line.LineId) + line.Quantity;
            }

            var eventId = "wix_" + fulfillment.Id;
            if (lines.Count > 0 && events.All(x => x.Id != eventId))
            {
                var tracking = fulfillment.TrackingInfo;
                events.Add(new FulfillmentEvent
                {
                    Id = eventId,
                    OccurredAt = fulfillment.CreatedDate ?? now,
                    Type = "shipped",
                    Lines = lines,
                    TrackingNumber = tracking?.TrackingNumber,
                    TrackingUrl = Uri.TryCreate(tracking?.TrackingLink, UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps ? link : null,
                    Carrier = tracking?.ShippingProvider,
                });
            }
        }

        var updated = order.Lines.Select(l => l with { FulfilledQuantity = Math.Min(l.Quantity, Math.Max(l.FulfilledQuantity, fulfilled.GetValueOrDefault(l.Id))) }).ToList();
        return events.Count == order.Events.Count && updated.SequenceEqual(order.Lines)
            ? order
            : order with { Lines = updated, Events = events };
    }

    public void Dispose() => _seen.Dispose();

    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Wix event {EventType} {EventId} for instance {InstanceId}: {Outcome}")]
    private static partial void LogEvent(ILogger logger, string eventType, string eventId, string instanceId, WixEventOutcome outcome);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "Wix event {EventType} {EventId} is older than the replay window; dropped")]
    private static partial void LogStale(ILogger logger, string eventType, string eventId);
}
