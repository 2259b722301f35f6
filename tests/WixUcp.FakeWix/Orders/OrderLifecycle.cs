using System.Globalization;
using System.Text.Json.Nodes;
using WixUcp.FakeWix.Checkout;
using WixUcp.FakeWix.Infrastructure;
using WixUcp.FakeWix.Webhooks;

namespace WixUcp.FakeWix.Orders;

/// <summary>
/// Order state changes, all under the state lock, each adding the webhooks it causes to <c>events</c>:
/// creation from a checkout (with Wix's preconditions), payment-status recalculation, fulfillment, cancellation.
/// </summary>
internal static class OrderLifecycle
{
    /// <summary>
    /// Create Order's preconditions (409 when the checkout already has an order; 428 otherwise) and the order itself:
    /// INITIALIZED and NOT_PAID when money is due (with a paymentGatewayOrderId), APPROVED and PAID when the total is 0.
    /// Tracked stock is decremented. <paramref name="hostedPage"/> (the pay hook) copies a missing billing address from
    /// the shipping destination, as the buyer would enter it on Wix's page.
    /// </summary>
    public static OrderRecord CreateFromCheckout(FakeWixState state, FakeWixInstance site, CheckoutRecord checkout, bool hostedPage, List<WebhookEvent> events)
    {
        if (checkout.OrderId is { } existing)
        {
            throw WixErrors.Conflict("ORDER_ALREADY_CREATED", $"An order was already created from checkout {checkout.Id}",
                new JsonObject { ["orderId"] = existing });
        }

        var c = CheckoutJson.Calculate(site, checkout);
        if (c.Errors is { } errors)
        {
            throw WixErrors.Precondition("CHECKOUT_HAS_CALCULATION_ERRORS", "The checkout has calculation errors",
                new JsonObject { ["calculationErrors"] = errors.DeepClone() });
        }

        if (c.Lines.Count == 0)
        {
            throw WixErrors.Precondition("EMPTY_CHECKOUT", "The checkout has no line items");
        }

        if (c.Lines.Where(l => !l.Orderable).Select(l => (JsonNode)l.Line.Id).ToArray() is { Length: > 0 } unavailable)
        {
            throw WixErrors.Precondition("LINE_ITEMS_NOT_AVAILABLE", "Some line items are not available",
                new JsonObject { ["lineItemIds"] = new JsonArray(unavailable) });
        }

        if (hostedPage && checkout.BillingInfo is null && checkout.ShippingDestination is not null)
        {
            checkout.BillingInfo = checkout.ShippingDestination.DeepClone().AsObject();
        }

        if (c.Total > 0 && Wire.Obj(checkout.BillingInfo, "address") is null)
        {
            throw WixErrors.Precondition("MISSING_BILLING_ADDRESS", "billingInfo.address is required when money is due");
        }

        if (c.NeedsShipping && Wire.Obj(checkout.ShippingDestination, "address") is null)
        {
            throw WixErrors.Precondition("MISSING_SHIPPING_DESTINATION", "shippingInfo.shippingDestination.address is required for shippable items");
        }

        if (c.NeedsShipping && c.Selected is null)
        {
            throw WixErrors.Precondition("MISSING_SELECTED_SHIPPING_OPTION", "shippingInfo.selectedCarrierServiceOption is required for shippable items");
        }

        var now = state.Time.GetUtcNow();
        var currency = site.Currency;
        JsonObject M(decimal value) => Money.Simple(value, currency);
        var checkoutJson = CheckoutJson.Render(site, checkout);
        var lineItems = new JsonArray();
        foreach (var line in c.Lines)
        {
            var rendered = checkoutJson["lineItems"]!.AsArray().First(l => Wire.Str(l, "id") == line.Line.Id)!;
            var item = new JsonObject
            {
                ["id"] = line.Line.Id,
                ["productName"] = rendered["productName"]!.DeepClone(),
                ["catalogReference"] = rendered["catalogReference"]!.DeepClone(),
                ["quantity"] = line.Line.Quantity,
                ["totalDiscount"] = M(0),
                ["descriptionLines"] = rendered["descriptionLines"]!.DeepClone(),
                ["physicalProperties"] = rendered["physicalProperties"]!.DeepClone(),
                ["itemType"] = rendered["itemType"]!.DeepClone(),
                ["price"] = M(line.UnitPrice),
                ["priceBeforeDiscounts"] = M(line.UnitPrice),
                ["totalPriceBeforeTax"] = M(line.Total),
                ["totalPriceAfterTax"] = M(line.Total),
                ["taxDetails"] = new JsonObject { ["taxRate"] = "0", ["totalTax"] = M(0) },
                ["paymentOption"] = "FULL_PAYMENT_ONLINE",
            };
            item.With("image", rendered["media"]?.DeepClone());
            lineItems.Add(item);
            if (line.Product is { TrackInventory: true } && line.Variant is { } variant)
            {
                variant.Quantity = Math.Max(0, variant.Quantity - line.Line.Quantity);
            }
        }

        JsonObject? shippingInfo = null;
        if (c.Selected is { } option)
        {
            shippingInfo = new JsonObject
            {
                ["carrierId"] = "fake-carrier",
                ["code"] = option.Code,
                ["title"] = option.Title,
                ["logistics"] = new JsonObject
                {
                    ["deliveryTime"] = option.DeliveryTime,
                    ["shippingDestination"] = checkout.ShippingDestination!.DeepClone(),
                },
                ["cost"] = new JsonObject
                {
                    ["price"] = M(option.Price),
                    ["totalPriceBeforeTax"] = M(option.Price),
                    ["totalPriceAfterTax"] = M(option.Price),
                    ["taxDetails"] = new JsonObject { ["taxRate"] = "0", ["totalTax"] = M(0) },
                    ["discount"] = M(0),
                },
            };
        }

        var discounts = checkoutJson["appliedDiscounts"]!.DeepClone().AsArray();
        foreach (var coupon in discounts.Select(d => Wire.Obj(d, "coupon")).OfType<JsonObject>())
        {
            coupon["amount"] = M(c.Discount);
        }

        var order = new OrderRecord
        {
            Id = Wire.NewId(),
            Number = site.NextOrderNumber++.ToString(CultureInfo.InvariantCulture),
            InstanceId = site.InstanceId,
            CheckoutId = checkout.Id,
            Currency = currency,
            ChannelType = checkout.ChannelType,
            LineItems = lineItems,
            LineQuantities = c.Lines.ToDictionary(l => l.Line.Id, l => l.Line.Quantity, StringComparer.Ordinal),
            LineVariants = c.Lines.ToDictionary(l => l.Line.Id, l => (l.Product!.Id, l.Variant!.Id), StringComparer.Ordinal),
            BuyerInfo = checkout.BuyerInfo.DeepClone().AsObject(),
            BillingInfo = checkout.BillingInfo?.DeepClone().AsObject(),
            ShippingInfo = shippingInfo,
            AppliedDiscounts = discounts,
            Subtotal = c.Subtotal,
            Shipping = c.Shipping,
            Tax = c.Tax,
            Discount = c.Discount,
            Total = c.Total,
            PaymentGatewayOrderId = c.Total > 0 ? "pgo-" + Guid.NewGuid().ToString("N") : null,
            CreatedDate = now,
            UpdatedDate = now,
        };
        site.Orders[order.Id] = order;
        checkout.OrderId = order.Id;
        checkout.UpdatedDate = now;
        if (c.Total == 0)
        {
            checkout.Completed = true;
            Approve(order, "PAID", now, events);
        }

        return order;
    }

    /// <summary>Recalculates paymentStatus from settled payments; the first paid amount approves the order.</summary>
    public static void RecalculatePayment(FakeWixState state, FakeWixInstance site, OrderRecord order, List<WebhookEvent> events)
    {
        var paid = order.Paid;
        var status = paid <= 0 ? order.Payments.Any(p => p.Status == "PENDING") ? "PENDING" : "NOT_PAID"
            : paid >= order.Total ? "PAID" : "PARTIALLY_PAID";
        if (status == order.PaymentStatus)
        {
            return;
        }

        var now = state.Time.GetUtcNow();
        if (status == "PAID" && site.Checkouts.GetValueOrDefault(order.CheckoutId) is { } checkout)
        {
            checkout.Completed = true;
            checkout.UpdatedDate = now;
        }

        if (order.Status == "INITIALIZED" && status is "PAID" or "PARTIALLY_PAID")
        {
            Approve(order, status, now, events);
            return;
        }

        var previous = order.PaymentStatus;
        order.PaymentStatus = status;
        order.UpdatedDate = now;
        if (order.Status != "INITIALIZED")
        {
            events.Add(WebhookEvent.Action("wix.ecom.v1.order_payment_status_updated", order, new JsonObject { ["order"] = order.Render(), ["previousPaymentStatus"] = previous }));
            events.Add(WebhookEvent.Updated("wix.ecom.v1.order_updated", order));
        }
    }

    private static void Approve(OrderRecord order, string paymentStatus, DateTimeOffset now, List<WebhookEvent> events)
    {
        var previous = order.PaymentStatus;
        order.Status = "APPROVED";
        order.PaymentStatus = paymentStatus;
        order.UpdatedDate = now;
        events.Add(WebhookEvent.Created("wix.ecom.v1.order_created", order));
        events.Add(WebhookEvent.Action("wix.ecom.v1.order_approved", order, new JsonObject { ["order"] = order.Render() }));
        if (previous != paymentStatus)
        {
            events.Add(WebhookEvent.Action("wix.ecom.v1.order_payment_status_updated", order, new JsonObject { ["order"] = order.Render(), ["previousPaymentStatus"] = previous }));
        }
    }
}
