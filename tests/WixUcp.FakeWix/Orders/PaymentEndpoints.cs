using System.Globalization;
using System.Text.Json.Nodes;
using WixUcp.FakeWix.Infrastructure;
using WixUcp.FakeWix.Webhooks;

namespace WixUcp.FakeWix.Orders;

/// <summary>
/// Order transactions (get, Add Payments: records only, deduplicated by providerTransactionId, payment status
/// settling after <see cref="FakeWixState.PaymentSettleDelay"/>) and fulfillments (list, create).
/// </summary>
internal static class PaymentEndpoints
{
    public static void Map(IEndpointRouteBuilder app, FakeWixState state)
    {
        app.MapGet("/ecom/v1/payments/orders/{orderId}", (HttpContext http, string orderId) =>
            OrderEndpoints.WithOrder(http, state, orderId, (_, order) => Wire.Json(new JsonObject { ["orderTransactions"] = Transactions(order) })));
        app.MapPost("/ecom/v1/payments/orders/{orderId}/add-payment", (HttpContext http, string orderId) => AddPayments(http, state, orderId));
        app.MapGet("/ecom/v1/fulfillments/orders/{orderId}", (HttpContext http, string orderId) =>
            OrderEndpoints.WithOrder(http, state, orderId, (_, order) => Wire.Json(new JsonObject { ["orderWithFulfillments"] = Fulfillments(order) })));
        app.MapPost("/ecom/v1/fulfillments/orders/{orderId}/create-fulfillment", (HttpContext http, string orderId) => CreateFulfillment(http, state, orderId));
    }

    private static JsonObject Transactions(OrderRecord order) => new()
    {
        ["orderId"] = order.Id,
        ["payments"] = new JsonArray([.. order.Payments.Select(p => (JsonNode)p.Render(order.Currency))]),
        ["refunds"] = new JsonArray(),
    };

    public static JsonObject Fulfillments(OrderRecord order) => new()
    {
        ["orderId"] = order.Id,
        ["fulfillments"] = new JsonArray([.. order.Fulfillments.Select(f => f.DeepClone())]),
    };

    private static IResult AddPayments(HttpContext http, FakeWixState state, string orderId)
    {
        var payments = Wire.Arr(Wire.ReadObject(http), "payments") ?? throw WixErrors.BadRequest("payments", "is required");
        if (payments.Count is 0 or > 50)
        {
            throw WixErrors.BadRequest("payments", "must hold 1 to 50 payments");
        }

        var parsed = payments.Select((p, i) =>
        {
            var field = $"payments[{i.ToString(CultureInfo.InvariantCulture)}]";
            var details = Wire.Obj(p, "regularPaymentDetails") ?? throw WixErrors.BadRequest(field + ".regularPaymentDetails", "is required");
            return (Amount: Money.Parse(Wire.Str(p, "amount.amount"), field + ".amount.amount"), Details: details);
        }).ToList();

        var added = new List<PaymentRecord>();
        var result = OrderEndpoints.WithOrder(http, state, orderId, (_, order) =>
        {
            var ids = new JsonArray();
            foreach (var (amount, details) in parsed)
            {
                var providerId = Wire.Str(details, "providerTransactionId");
                if (providerId is not null && order.Payments.Find(p => p.ProviderTransactionId == providerId) is { } existing)
                {
                    ids.Add(existing.Id);
                    continue;
                }

                var payment = new PaymentRecord
                {
                    Id = Wire.NewId(),
                    Amount = Money.Round(amount, order.Currency),
                    PaymentMethod = Wire.Str(details, "paymentMethod"),
                    ProviderTransactionId = providerId,
                    GatewayTransactionId = Wire.Str(details, "gatewayTransactionId"),
                    Status = Wire.Str(details, "status") ?? "APPROVED",
                    Offline = Wire.Bool(details, "offlinePayment") ?? false,
                    CreatedDate = state.Time.GetUtcNow(),
                };
                order.Payments.Add(payment);
                added.Add(payment);
                ids.Add(payment.Id);
            }

            return Wire.Json(new JsonObject { ["orderTransactions"] = Transactions(order), ["paymentsIds"] = ids });
        });

        if (added.Count > 0)
        {
            _ = SettleLaterAsync(state, orderId, added);
        }

        return result;
    }

    /// <summary>Wix recalculates paymentStatus asynchronously: the fake does it after the configured delay.</summary>
    private static async Task SettleLaterAsync(FakeWixState state, string orderId, List<PaymentRecord> payments)
    {
        try
        {
            await Task.Delay(state.PaymentSettleDelay, state.Stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var events = new List<WebhookEvent>();
        lock (state.Sync)
        {
            var site = state.Instances.Values.First(i => i.Orders.ContainsKey(orderId));
            payments.ForEach(p => p.Settled = true);
            OrderLifecycle.RecalculatePayment(state, site, site.Orders[orderId], events);
        }

        state.Webhooks.SendInBackground(events);
    }

    private static IResult CreateFulfillment(HttpContext http, FakeWixState state, string orderId)
    {
        var body = Wire.ReadObject(http);
        var spec = Wire.Obj(body, "fulfillment") ?? body;
        var lines = Wire.Arr(spec, "lineItems");
        if (lines is null || lines.Count == 0)
        {
            throw WixErrors.BadRequest("fulfillment.lineItems", "at least one line item is required");
        }

        var events = new List<WebhookEvent>();
        var result = OrderEndpoints.WithOrder(http, state, orderId, (_, order) =>
        {
            if (order.Status is "CANCELED" or "INITIALIZED")
            {
                throw WixErrors.Precondition("ORDER_NOT_FULFILLABLE", $"Order {orderId} is {order.Status}");
            }

            var fulfilled = FulfilledQuantities(order);
            var fulfillmentLines = new JsonArray();
            foreach (var line in lines)
            {
                var lineId = Wire.Str(line, "id") ?? throw WixErrors.BadRequest("fulfillment.lineItems.id", "is required");
                if (!order.LineQuantities.TryGetValue(lineId, out var ordered))
                {
                    throw WixErrors.BadRequest("fulfillment.lineItems.id", $"'{lineId}' is not a line item of order {orderId}");
                }

                var quantity = Wire.Int(line, "quantity", "fulfillment.lineItems.quantity") ?? ordered - fulfilled.GetValueOrDefault(lineId);
                if (quantity < 1 || fulfilled.GetValueOrDefault(lineId) + quantity > ordered)
                {
                    throw WixErrors.BadRequest("fulfillment.lineItems.quantity", $"line '{lineId}' has {ordered - fulfilled.GetValueOrDefault(lineId)} left to fulfill");
                }

                fulfilled[lineId] = fulfilled.GetValueOrDefault(lineId) + quantity;
                fulfillmentLines.Add(new JsonObject { ["id"] = lineId, ["quantity"] = quantity });
            }

            var now = state.Time.GetUtcNow();
            var fulfillment = new JsonObject
            {
                ["id"] = Wire.NewId(),
                ["createdDate"] = Wire.Date(now),
                ["lineItems"] = fulfillmentLines,
            };
            fulfillment.With("trackingInfo", Wire.Obj(spec, "trackingInfo")?.DeepClone());
            order.Fulfillments.Add(fulfillment);
            order.FulfillmentStatus = order.LineQuantities.All(l => fulfilled.GetValueOrDefault(l.Key) >= l.Value) ? "FULFILLED" : "PARTIALLY_FULFILLED";
            order.UpdatedDate = now;

            events.Add(new WebhookEvent("wix.ecom.v1.fulfillments_updated", order.InstanceId, order.Id,
                new JsonObject { ["updatedEvent"] = new JsonObject { ["currentEntity"] = Fulfillments(order) } }));
            if (order.FulfillmentStatus == "FULFILLED")
            {
                events.Add(WebhookEvent.Action("wix.ecom.v1.order_fulfilled", order, new JsonObject { ["order"] = order.Render() }));
            }

            events.Add(WebhookEvent.Updated("wix.ecom.v1.order_updated", order));
            return Wire.Json(new JsonObject { ["orderWithFulfillments"] = Fulfillments(order), ["fulfillmentId"] = fulfillment["id"]!.DeepClone() });
        });
        state.Webhooks.SendInBackground(events);
        return result;
    }

    private static Dictionary<string, int> FulfilledQuantities(OrderRecord order)
    {
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in order.Fulfillments.SelectMany(f => f["lineItems"]!.AsArray()))
        {
            var id = Wire.Str(line, "id")!;
            totals[id] = totals.GetValueOrDefault(id) + (Wire.Int(line, "quantity", "quantity") ?? 0);
        }

        return totals;
    }
}
