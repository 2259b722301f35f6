using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WixUcp.Catalog;
using WixUcp.Checkout;
using WixUcp.Commerce;
using WixUcp.Messages;
using WixUcp.Tenancy;
using WixUcp.Wix.Wire;

namespace WixUcp.Wix;

/// <summary>
/// Each UCP checkout session is its own Wix eCommerce checkout, created with the app's identity (never a shared visitor
/// session): lines, buyer email, shipping destination, the chosen shipping option and a coupon map onto Wix calls, and
/// Wix's computed totals, shipping options and coupon results come back as the quote. The Wix checkout id travels in
/// the session's backend reference with a signature of its lines; when the lines change, a new Wix checkout is made.
/// Wix takes one coupon at a time: the first code is sent, the others are refused with a message saying so.
/// Completion: Wix cannot take a platform's payment server-side. With a registered <see cref="IPaymentCapture"/> handler
/// the order is created in Wix (unpaid), the money captured by that processor, and the payment recorded on the order;
/// otherwise the buyer pays on Wix's hosted checkout (<c>requires_escalation</c> with its URL) and the next completion
/// finds the order Wix placed.
/// </summary>
internal sealed partial class WixCheckoutBackend(
    WixApiClient wix, WixSites sites, WixCatalogBackend catalog, IOptions<WixUcpOptions> options, IEnumerable<IPaymentCapture> captures, WixCheckoutLinks links, Diagnostics.WixUcpMetrics metrics, ILogger<WixCheckoutBackend> logger)
    : ICheckoutBackend
{
    private const int PaymentRecordAttempts = 3;

    /// <summary>The Wix Stores app id that catalog references name.</summary>
    public const string StoresAppId = "215238eb-22a5-4c36-9e7b-e7c08025e04e";

    private const char ReferenceSeparator = '|';

    public ValueTask<IReadOnlyList<PaymentHandlerDescriptor>> GetPaymentHandlersAsync(UcpTenant tenant, CancellationToken cancellationToken)
    {
        var wixOptions = options.Value.Wix;
        return ValueTask.FromResult<IReadOnlyList<PaymentHandlerDescriptor>>(
        [
            new PaymentHandlerDescriptor { Name = wixOptions.HostedCheckoutHandlerName, Id = wixOptions.HostedCheckoutHandlerId },
            .. captures.Select(c => c.Handler),
        ]);
    }

    // Wix knows a site's contacts, but reading them needs the contacts scope and a search by email; saved addresses are
    // not offered (the buyer gives an address).
    public ValueTask<IReadOnlyList<SavedAddress>> FindSavedAddressesAsync(UcpTenant tenant, string buyerEmail, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<SavedAddress>>([]);

    public async ValueTask<CommerceQuote> QuoteAsync(QuoteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var site = await sites.ResolveAsync(request.Tenant, cancellationToken).ConfigureAwait(false);
        try
        {
            var signature = LineSignature(request.Lines);
            var (previousId, previousSignature) = ParseReference(request.BackendReference);
            var coupon = request.DiscountCodes.Count > 0 ? request.DiscountCodes[0] : null;
            WixCheckout checkout;
            IReadOnlyList<QuoteLine> known;
            if (previousId is not null && previousSignature == signature)
            {
                known = request.Lines;
                checkout = await UpdateAsync(site, previousId, request, coupon, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // Only lines naming a product Wix knows go to Wix; the others come back as not found.
                var products = await catalog.LookupAsync(request.Tenant, [.. request.Lines.Select(l => l.ItemId).Distinct(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false);
                known = [.. request.Lines.Where(l => Resolve(products, l.ItemId) is not null)];
                if (known.Count == 0)
                {
                    return Empty(request, products);
                }

                checkout = await CreateAsync(site, request, known, products, coupon, cancellationToken).ConfigureAwait(false);
            }

            // A code Wix did not apply stays on its checkout and blocks ordering: it is taken off (the quote reports it).
            if (coupon is not null && checkout.Id is { } wixId && !checkout.AppliedDiscounts.Any(d => string.Equals(d.Coupon?.Code, coupon, StringComparison.OrdinalIgnoreCase)))
            {
                checkout = (await wix.SendAsync(site, "remove_coupon", HttpMethod.Post, "ecom/v1/checkouts/" + Uri.EscapeDataString(wixId) + "/remove-coupon", new WixEmpty(), WixJson.Default.WixEmpty, WixJson.Default.WixCheckoutEnvelope, cancellationToken).ConfigureAwait(false)).Checkout ?? checkout;
            }

            return Map(request, checkout, signature);
        }
        catch (WixApiException ex)
        {
            throw new CommerceBackendException($"Wix refused the checkout ({ex.Status}{(ex.Code is null ? "" : " " + ex.Code)}).", ex);
        }
    }

    public async ValueTask<PlaceOrderResult> PlaceOrderAsync(PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var site = await sites.ResolveAsync(request.Tenant, cancellationToken).ConfigureAwait(false);
        var (checkoutId, _) = ParseReference(request.Checkout.BackendReference);
        if (checkoutId is null)
        {
            throw new CommerceBackendException("The checkout has no Wix checkout to complete.");
        }

        try
        {
            var current = await wix.SendAsync(site, "get_checkout", HttpMethod.Get, "ecom/v1/checkouts/" + Uri.EscapeDataString(checkoutId), WixJson.Default.WixCheckoutEnvelope, cancellationToken).ConfigureAwait(false);
            if (current.Checkout?.Completed == true && await FindOrderAsync(site, checkoutId, cancellationToken).ConfigureAwait(false) is { } order)
            {
                return PlaceOrderResult.Placed(order.Id, order.Label);
            }

            if (captures.FirstOrDefault(c => c.Handler.Id == request.Instrument.HandlerId) is { } capture)
            {
                return await CaptureAsync(site, checkoutId, request, capture, cancellationToken).ConfigureAwait(false);
            }

            return await HostedCheckoutAsync(site, checkoutId, request, "The buyer pays on the store's checkout page; complete again once they have.", cancellationToken).ConfigureAwait(false);
        }
        catch (WixApiException ex)
        {
            throw new CommerceBackendException($"Wix refused the completion ({ex.Status}{(ex.Code is null ? "" : " " + ex.Code)}).", ex);
        }
    }

    // Order first (Wix checks its preconditions and reserves nothing yet), then the money, then the record of it: a
    // decline leaves an unpaid order Wix never lists (INITIALIZED), which the next attempt reuses.
    private async Task<PlaceOrderResult> CaptureAsync(WixSite site, string checkoutId, PlaceOrderRequest request, IPaymentCapture capture, CancellationToken cancellationToken)
    {
        var checkout = request.Checkout;
        if (request.Instrument.BillingAddress is { } billing)
        {
            await PatchAsync(site, checkoutId, new WixCheckoutPatch { BillingInfo = Destination(billing) }, null, cancellationToken).ConfigureAwait(false);
        }
        else if (checkout.Fulfillment?.Select(m => m.SelectedDestination).FirstOrDefault(d => d is not null) is { } shipTo)
        {
            // Wix wants a billing address for a paid order; without one from the instrument, the shipping address.
            await PatchAsync(site, checkoutId, new WixCheckoutPatch { BillingInfo = Destination(shipTo.Address) }, null, cancellationToken).ConfigureAwait(false);
        }

        string orderId;
        try
        {
            var created = await wix.SendAsync(site, "create_order", HttpMethod.Post, "ecom/v1/checkouts/" + Uri.EscapeDataString(checkoutId) + "/create-order", new WixEmpty(), WixJson.Default.WixEmpty, WixJson.Default.WixCreateOrderResponse, cancellationToken).ConfigureAwait(false);
            orderId = created.OrderId ?? throw new CommerceBackendException("Wix created an order without answering its id.");
        }
        catch (WixApiException ex) when (ex.Status == 409)
        {
            // The checkout already has its order (an earlier, declined attempt). Wix names it in the error's data; when
            // it does not, the order cannot be found (Wix never lists unpaid orders), so the buyer pays on Wix's page.
            if (ex.ErrorData is not { ValueKind: JsonValueKind.Object } data || !data.TryGetProperty("orderId", out var existing) || existing.GetString() is not { Length: > 0 } earlier)
            {
                return await HostedCheckoutAsync(site, checkoutId, request, "The payment continues on the store's checkout page.", cancellationToken).ConfigureAwait(false);
            }

            orderId = earlier;
        }
        catch (WixApiException ex) when (ex.Code == "LINE_ITEMS_NOT_AVAILABLE")
        {
            return new PlaceOrderResult { Outcome = PlaceOrderOutcome.OutOfStock, Message = "Some items sold out.", OutOfStockLineIds = [.. checkout.Lines.Select(l => l.Id)] };
        }
        catch (WixApiException ex) when (ex.IsPrecondition)
        {
            // Wix will not order this checkout as it stands (a calculation error, a missing address): nothing is charged,
            // and the buyer finishes on Wix's page, where Wix asks for what it lacks.
            LogNotOrderable(logger, checkoutId, ex.Code);
            return await HostedCheckoutAsync(site, checkoutId, request, "The store needs more details; the checkout continues on its page.", cancellationToken).ConfigureAwait(false);
        }

        // What is charged is what Wix's order asks: a session whose total differs (billing changed tax, or an order kept
        // from before the checkout changed) is not captured here; the buyer pays Wix's amount on Wix's page.
        var total = checkout.Totals.FirstOrDefault(t => t.Type == TotalTypes.Total)?.Amount;
        var order = (await wix.SendAsync(site, "get_order", HttpMethod.Get, "ecom/v1/orders/" + Uri.EscapeDataString(orderId), WixJson.Default.WixOrderEnvelope, cancellationToken).ConfigureAwait(false)).Order;
        var owed = WixMoney.ToMinorUnits(order?.PriceSummary?.Total?.Amount, checkout.Currency);
        if (total is not { } amount || owed != amount || !string.Equals(order?.Currency ?? checkout.Currency, checkout.Currency, StringComparison.OrdinalIgnoreCase))
        {
            LogAmountMismatch(logger, orderId, total, owed);
            return await HostedCheckoutAsync(site, checkoutId, request, "The amount changed; the payment continues on the store's checkout page.", cancellationToken).ConfigureAwait(false);
        }

        var captured = await capture.CaptureAsync(new PaymentCaptureRequest
        {
            Tenant = request.Tenant,
            IdempotencyKey = CaptureKey(request, checkoutId, orderId, amount),
            Amount = amount,
            Currency = checkout.Currency,
            Instrument = request.Instrument,
            Credential = request.Credential,
        }, cancellationToken).ConfigureAwait(false);
        if (!captured.Captured)
        {
            return PlaceOrderResult.Declined(captured.Message ?? "The payment was declined.");
        }

        await RecordPaymentAsync(site, orderId, amount, checkout.Currency, captured).ConfigureAwait(false);
        return PlaceOrderResult.Placed(orderId, order?.Number is { Length: > 0 } number ? "#" + number : null);
    }

    // One capture per order, amount and credential: a retry with the same card replays, another card is a new attempt.
    private static string CaptureKey(PlaceOrderRequest request, string checkoutId, string orderId, long amount) =>
        "wixucp:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
            request.Tenant.Id, request.Checkout.Id, checkoutId, orderId, amount.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Credential.Token ?? ""))))[..40];

    private async Task<PlaceOrderResult> HostedCheckoutAsync(WixSite site, string checkoutId, PlaceOrderRequest request, string message, CancellationToken cancellationToken)
    {
        await links.RememberAsync(checkoutId, request.Tenant.Id, request.Checkout.Id, cancellationToken).ConfigureAwait(false);
        var url = await wix.SendAsync(site, "get_checkout_url", HttpMethod.Get, "ecom/v1/checkouts/" + Uri.EscapeDataString(checkoutId) + "/checkout-url", WixJson.Default.WixCheckoutUrlResponse, cancellationToken).ConfigureAwait(false);
        return new PlaceOrderResult
        {
            Outcome = PlaceOrderOutcome.RequiresBuyerAction,
            ContinueUrl = Uri.TryCreate(url.CheckoutUrl, UriKind.Absolute, out var continueUrl) && continueUrl.Scheme == Uri.UriSchemeHttps
                ? continueUrl
                : throw new CommerceBackendException("Wix answered no usable checkout URL."),
            Message = message,
        };
    }

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "Wix checkout {CheckoutId}: its entries differ from its total by {Residual} ({Currency} minor units); shown as a separate entry")]
    private static partial void LogResidual(ILogger logger, string? checkoutId, long residual, string currency);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "Wix would not order checkout {CheckoutId} ({Code}); the buyer continues on Wix's page")]
    private static partial void LogNotOrderable(ILogger logger, string checkoutId, string? code);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Wix order {OrderId} asks {Owed} but the session's total is {Total}; not captured, the buyer pays on Wix's page")]
    private static partial void LogAmountMismatch(ILogger logger, string orderId, long? total, long? owed);

    // The money is taken: recording it must not be given up lightly (Wix dedupes by transaction id, so retrying is safe);
    // if Wix still refuses, the order stands and the error names what to reconcile.
    private async Task RecordPaymentAsync(WixSite site, string orderId, long amount, string currency, PaymentCaptureResult captured)
    {
        var body = new WixAddPaymentsRequest
        {
            Payments =
            [
                new WixPaymentRecord
                {
                    Amount = new WixMoneyValue { Amount = WixMoney.ToDecimalString(amount, currency) },
                    RegularPaymentDetails = new WixRegularPaymentDetails { PaymentMethod = captured.PaymentMethod, ProviderTransactionId = captured.TransactionId },
                },
            ],
        };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await wix.SendAsync(site, "add_payment", HttpMethod.Post, "ecom/v1/payments/orders/" + Uri.EscapeDataString(orderId) + "/add-payment", body, WixJson.Default.WixAddPaymentsRequest, WixJson.Default.WixEmpty, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is WixApiException or CommerceBackendException && attempt < PaymentRecordAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WixApiException or CommerceBackendException)
            {
                LogPaymentNotRecorded(logger, ex, orderId, captured.TransactionId);
                metrics.PaymentUnrecorded();
                return;
            }
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Error, Message = "Payment {TransactionId} was captured but Wix did not record it on order {OrderId}; record it in the Wix dashboard")]
    private static partial void LogPaymentNotRecorded(ILogger logger, Exception exception, string orderId, string? transactionId);

    private async Task<(string Id, string? Label)?> FindOrderAsync(WixSite site, string checkoutId, CancellationToken cancellationToken)
    {
        var filter = JsonSerializer.SerializeToElement(
            new Dictionary<string, Dictionary<string, string>> { ["checkoutId"] = new() { ["$eq"] = checkoutId } }, WixJson.Default.DictionaryStringDictionaryStringString);
        var found = await wix.QueryAsync(site, "search_orders", "ecom/v1/orders/search",
            new WixOrderSearchRequest { Search = new WixOrderSearch { Filter = filter, CursorPaging = new WixCursorPaging { Limit = 1 } } },
            WixJson.Default.WixOrderSearchRequest, WixJson.Default.WixOrderSearchResponse, cancellationToken).ConfigureAwait(false);
        return found.Orders.FirstOrDefault() is { Id: { Length: > 0 } id } order ? (id, order.Number is { Length: > 0 } number ? "#" + number : null) : null;
    }

    private async Task<WixCheckout> CreateAsync(WixSite site, QuoteRequest request, IReadOnlyList<QuoteLine> lines, IReadOnlyList<CatalogProduct> products, string? coupon, CancellationToken cancellationToken)
    {
        var body = new WixCreateCheckoutRequest
        {
            LineItems = [.. lines.Select(l => new WixNewLineItem { Quantity = l.Quantity, CatalogReference = Reference(Resolve(products, l.ItemId)!.Value) })],
            CouponCode = coupon,
            CheckoutInfo = new WixCheckoutInfo
            {
                BuyerInfo = request.Buyer?.Email is { Length: > 0 } email ? new WixBuyerInfo { Email = email } : null,
                ShippingInfo = request.ShippingAddress is { } address ? new WixShippingInfo { ShippingDestination = Destination(address) } : null,
            },
        };
        var created = await wix.SendAsync(site, "create_checkout", HttpMethod.Post, "ecom/v1/checkouts", body, WixJson.Default.WixCreateCheckoutRequest, WixJson.Default.WixCheckoutEnvelope, cancellationToken).ConfigureAwait(false);
        var checkout = created.Checkout ?? throw new CommerceBackendException("Wix created a checkout but did not answer it.");

        // Shipping options exist only once the destination is known: the choice is a second step.
        return request.SelectedShippingOptionId is { } option && request.ShippingAddress is not null
            ? await PatchAsync(site, checkout.Id!, new WixCheckoutPatch { ShippingInfo = new WixShippingInfo { SelectedCarrierServiceOption = new WixSelectedOption { Code = option } } }, null, cancellationToken).ConfigureAwait(false)
            : checkout;
    }

    private async Task<WixCheckout> UpdateAsync(WixSite site, string checkoutId, QuoteRequest request, string? coupon, CancellationToken cancellationToken)
    {
        var patch = new WixCheckoutPatch
        {
            BuyerInfo = request.Buyer?.Email is { Length: > 0 } email ? new WixBuyerInfo { Email = email } : null,
            ShippingInfo = request.ShippingAddress is { } address
                ? new WixShippingInfo
                {
                    ShippingDestination = Destination(address),
                    SelectedCarrierServiceOption = request.SelectedShippingOptionId is { } option ? new WixSelectedOption { Code = option } : null,
                }
                : null,
        };
        var current = patch.BuyerInfo is null && patch.ShippingInfo is null && coupon is null
            ? (await wix.SendAsync(site, "get_checkout", HttpMethod.Get, "ecom/v1/checkouts/" + Uri.EscapeDataString(checkoutId), WixJson.Default.WixCheckoutEnvelope, cancellationToken).ConfigureAwait(false)).Checkout
            : await PatchAsync(site, checkoutId, patch, coupon, cancellationToken).ConfigureAwait(false);
        current ??= new WixCheckout();

        // A coupon the platform no longer sends is taken off.
        return coupon is null && current.AppliedDiscounts.Any(d => d.Coupon is not null)
            ? (await wix.SendAsync(site, "remove_coupon", HttpMethod.Post, "ecom/v1/checkouts/" + Uri.EscapeDataString(checkoutId) + "/remove-coupon", new WixEmpty(), WixJson.Default.WixEmpty, WixJson.Default.WixCheckoutEnvelope, cancellationToken).ConfigureAwait(false)).Checkout ?? current
            : current;
    }

    private async Task<WixCheckout> PatchAsync(WixSite site, string checkoutId, WixCheckoutPatch patch, string? coupon, CancellationToken cancellationToken)
    {
        var body = new WixUpdateCheckoutRequest { Checkout = patch, CouponCode = coupon };
        try
        {
            var answer = await wix.SendAsync(site, "update_checkout", HttpMethod.Patch, "ecom/v1/checkouts/" + Uri.EscapeDataString(checkoutId), body, WixJson.Default.WixUpdateCheckoutRequest, WixJson.Default.WixCheckoutEnvelope, cancellationToken).ConfigureAwait(false);
            return answer.Checkout ?? throw new CommerceBackendException("Wix updated the checkout but did not answer it.");
        }
        catch (WixApiException ex) when (ex.Code == "CHECKOUT_ALREADY_COMPLETED")
        {
            // The buyer has paid on Wix's page: the checkout is final there, and is read as it stands.
            return (await wix.SendAsync(site, "get_checkout", HttpMethod.Get, "ecom/v1/checkouts/" + Uri.EscapeDataString(checkoutId), WixJson.Default.WixCheckoutEnvelope, cancellationToken).ConfigureAwait(false)).Checkout
                ?? throw new CommerceBackendException("Wix answered no checkout.");
        }
        catch (WixApiException ex) when (coupon is not null && ex.Status == 400)
        {
            // An unknown coupon refuses the whole patch: apply the rest; the quote reports the code as invalid.
            return await PatchOrGetAsync(site, checkoutId, patch, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<WixCheckout> PatchOrGetAsync(WixSite site, string checkoutId, WixCheckoutPatch patch, CancellationToken cancellationToken) =>
        patch.BuyerInfo is null && patch.ShippingInfo is null
            ? (await wix.SendAsync(site, "get_checkout", HttpMethod.Get, "ecom/v1/checkouts/" + Uri.EscapeDataString(checkoutId), WixJson.Default.WixCheckoutEnvelope, cancellationToken).ConfigureAwait(false)).Checkout ?? new WixCheckout()
            : await PatchAsync(site, checkoutId, patch, null, cancellationToken).ConfigureAwait(false);

    private CommerceQuote Map(QuoteRequest request, WixCheckout checkout, string signature)
    {
        var currency = checkout.Currency ?? throw new CommerceBackendException("Wix answered a checkout without its currency.");
        long Minor(WixMoneyValue? money) => WixMoney.ToMinorUnits(money?.Amount, currency) ?? 0;

        // What a buyer pays is never read as zero for want of an amount.
        long Required(WixMoneyValue? money, string what) => WixMoney.ToMinorUnits(money?.Amount, currency) ?? throw new CommerceBackendException($"Wix answered a checkout without its {what}.");

        // Wix lines are matched to the platform's by catalog reference, in order.
        var pool = checkout.LineItems.ToList();
        var lines = request.Lines.Select(line =>
        {
            var productId = WixCatalogBackend.ProductIdOf(line.ItemId);
            var variantId = WixCatalogBackend.WixVariantIdOf(line.ItemId);
            var match = pool.FirstOrDefault(w => w.CatalogReference?.CatalogItemId == productId
                && (variantId is null or WixCatalogBackend.DefaultVariantId || w.CatalogReference.Options?.VariantId == variantId));
            if (match is null)
            {
                return new QuotedLine { LineId = line.LineId, ItemId = line.ItemId, Found = false, Quantity = line.Quantity };
            }

            pool.Remove(match);
            var unit = Required(match.Price, "line prices");
            var amount = unit * line.Quantity;
            return new QuotedLine
            {
                LineId = line.LineId,
                ItemId = line.ItemId,
                Found = true,
                Title = match.ProductName?.Original ?? "",
                UnitPrice = unit,
                Quantity = line.Quantity,
                AvailableQuantity = match.Availability?.Status is "NOT_AVAILABLE" ? 0 : match.Availability?.QuantityAvailable,
                Totals = [new Total(TotalTypes.Subtotal, amount), new Total(TotalTypes.Total, amount)],
            };
        }).ToList();

        var options = request.ShippingAddress is null
            ? null
            : checkout.ShippingInfo?.CarrierServiceOptions?.SelectMany(c => c.ShippingOptions.Select(o => (Carrier: c.CarrierId, Option: o)))
                .Where(x => x.Option.Code is { Length: > 0 })
                .Select(x => new FulfillmentOption
                {
                    Id = x.Option.Code!,
                    Title = x.Option.Title ?? x.Option.Code!,
                    Description = x.Option.Logistics?.DeliveryTime,
                    Carrier = x.Carrier,
                    Amount = Minor(x.Option.Cost?.Price),
                })
                .OrderBy(o => o.Amount)
                .ToList() ?? [];
        var selected = checkout.ShippingInfo?.SelectedCarrierServiceOption?.Code is { } code && options?.Any(o => o.Id == code) == true ? code : null;

        var discounts = checkout.AppliedDiscounts.Select((d, i) => d switch
        {
            { Coupon: { } c } => new AppliedDiscount { Code = c.Code, Title = c.Name ?? c.Code ?? "Coupon", Amount = Minor(c.Amount), Priority = i + 1 },
            { DiscountRule: { } r } => new AppliedDiscount { Title = r.Name?.Original ?? "Discount", Amount = Minor(r.Amount), Automatic = true, Priority = i + 1 },
            { MerchantDiscount: { } m } => new AppliedDiscount { Title = "Store discount", Amount = Minor(m.Amount), Automatic = true, Priority = i + 1 },
            _ => null,
        }).OfType<AppliedDiscount>().Where(d => d.Amount > 0).ToList();

        var rejected = new List<DiscountRejection>();
        for (var index = 0; index < request.DiscountCodes.Count; index++)
        {
            var requested = request.DiscountCodes[index];
            if (index > 0)
            {
                rejected.Add(new DiscountRejection { Code = requested, Index = index, ReasonCode = MessageCodes.DiscountCodeCombinationDisallowed, Content = $"This store takes one discount code at a time; {requested} was not applied." });
            }
            else if (!discounts.Any(d => string.Equals(d.Code, requested, StringComparison.OrdinalIgnoreCase)))
            {
                rejected.Add(new DiscountRejection { Code = requested, Index = index, ReasonCode = MessageCodes.DiscountCodeInvalid, Content = $"Code {requested} is not a valid discount code." });
            }
        }

        var summary = checkout.PriceSummary;
        var totals = new List<Total> { new(TotalTypes.Subtotal, Required(summary?.Subtotal, "subtotal")) };
        totals.AddRange(discounts.Select(d => new Total(TotalTypes.Discount, -d.Amount, d.Title)));
        if (selected is not null)
        {
            totals.Add(new Total(TotalTypes.Fulfillment, Minor(summary?.Shipping), options!.First(o => o.Id == selected).Title));
        }

        // Tax included in the prices is already in the subtotal: UCP's entries must add up to the total, so it is not
        // added again.
        if (Minor(summary?.Tax) is > 0 and var tax && checkout.TaxIncludedInPrice != true)
        {
            totals.Add(new Total(TotalTypes.Tax, tax));
        }

        if (Minor(summary?.AdditionalFees) is > 0 and var fees)
        {
            totals.Add(new Total(TotalTypes.Fee, fees));
        }

        var total = Required(summary?.Total, "total");
        if (total - totals.Sum(t => t.Amount) is not 0 and var residual)
        {
            // Wix priced something this mapping does not itemise (a rounding, a rule applied to the whole order): the
            // entries still add up to what Wix will charge, and the difference is named and logged.
            totals.Add(residual > 0 ? new Total(TotalTypes.Fee, residual, "Other charges") : new Total(TotalTypes.Discount, residual, "Other savings"));
            LogResidual(logger, checkout.Id, residual, currency);
        }

        totals.Add(new Total(TotalTypes.Total, total));
        return new CommerceQuote
        {
            Currency = currency,
            Lines = lines,
            ShippingOptions = options,
            SelectedShippingOptionId = selected,
            Discounts = discounts,
            RejectedDiscountCodes = rejected,
            Totals = totals,
            Notices = CalculationNotices(checkout.CalculationErrors),
            BackendReference = checkout.Id + ReferenceSeparator + signature,
        };
    }

    // Wix would refuse to order while any calculation error stands, so each is a recoverable error before completion.
    // Coupon errors are answered per code (the code is taken off), shipping errors by the options offered.
    private static List<UcpMessage> CalculationNotices(JsonElement? errors)
    {
        if (errors is not { ValueKind: JsonValueKind.Object } all)
        {
            return [];
        }

        var notices = new List<UcpMessage>();
        foreach (var error in all.EnumerateObject())
        {
            switch (error.Name)
            {
                case "couponCalculationError" or "generalShippingCalculationError" or "carrierErrors":
                    break;
                case "taxCalculationError":
                    notices.Add(UcpMessage.Error(MessageCodes.Invalid, $"The store could not calculate tax for this checkout ({Describe(error.Value)}); check the shipping address.", MessageSeverity.Recoverable));
                    break;
                case "orderValidationErrors" when error.Value.ValueKind == JsonValueKind.Array:
                    notices.AddRange(error.Value.EnumerateArray().Take(MaxCalculationNotices).Select(v => UcpMessage.Error(MessageCodes.Invalid, $"The store cannot accept this order yet: {Describe(v)}.", MessageSeverity.Recoverable)));
                    break;
                default:
                    notices.Add(UcpMessage.Error(MessageCodes.Invalid, $"The store could not price this checkout: {Describe(error.Value)}.", MessageSeverity.Recoverable));
                    break;
            }

            if (notices.Count >= MaxCalculationNotices)
            {
                break;
            }
        }

        return notices;
    }

    private const int MaxCalculationNotices = 10;

    // Wix's words, bounded: its error details nest the description under applicationError or validationError.
    private static string Describe(JsonElement error)
    {
        static string? Text(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var details = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("applicationError", out var application) ? application : error;
        var text = Text(details, "description") ?? Text(details, "message") ?? Text(details, "code") ?? "no reason given";
        return text.Length <= 200 ? text : text[..200];
    }

    private static CommerceQuote Empty(QuoteRequest request, IReadOnlyList<CatalogProduct> products) => new()
    {
        Currency = products.SelectMany(p => p.Variants).Select(v => v.Currency).FirstOrDefault() ?? request.Context?.Currency ?? "USD",
        Lines = [.. request.Lines.Select(l => new QuotedLine { LineId = l.LineId, ItemId = l.ItemId, Found = false, Quantity = l.Quantity })],
        Totals = [new Total(TotalTypes.Subtotal, 0), new Total(TotalTypes.Total, 0)],
    };

    private static (CatalogProduct Product, CatalogVariant Variant)? Resolve(IReadOnlyList<CatalogProduct> products, string itemId)
    {
        var product = products.FirstOrDefault(p => p.Id == WixCatalogBackend.ProductIdOf(itemId));
        var variant = product?.Variants.FirstOrDefault(v => v.Id == itemId) ?? (itemId == product?.Id && product.Variants.Count == 1 ? product.Variants[0] : null);
        return product is not null && variant is not null ? (product, variant) : null;
    }

    private static WixCatalogReference Reference((CatalogProduct Product, CatalogVariant Variant) item)
    {
        var variantId = WixCatalogBackend.WixVariantIdOf(item.Variant.Id);
        return new WixCatalogReference
        {
            CatalogItemId = item.Product.Id,
            AppId = StoresAppId,
            Options = variantId is null or WixCatalogBackend.DefaultVariantId ? null : new WixCatalogOptions { VariantId = variantId },
        };
    }

    private static WixAddressWithContact Destination(PostalAddress address) => new()
    {
        Address = new WixAddress
        {
            Country = address.AddressCountry,
            Subdivision = address.AddressRegion is { Length: > 0 } region && address.AddressCountry is { Length: > 0 } country && !region.Contains('-', StringComparison.Ordinal)
                ? country + "-" + region
                : address.AddressRegion,
            City = address.AddressLocality,
            PostalCode = address.PostalCode,
            AddressLine1 = address.StreetAddress,
            AddressLine2 = address.ExtendedAddress,
        },
        ContactDetails = address.FirstName is null && address.LastName is null && address.PhoneNumber is null
            ? null
            : new WixContactDetails { FirstName = address.FirstName, LastName = address.LastName, Phone = address.PhoneNumber },
    };

    private static string LineSignature(IReadOnlyList<QuoteLine> lines) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines.Select(l => l.ItemId + "\t" + l.Quantity)))))[..16];

    private static (string? CheckoutId, string? Signature) ParseReference(string? reference) =>
        reference?.Split(ReferenceSeparator) is [{ Length: > 0 } id, var signature] ? (id, signature) : (null, null);
}
