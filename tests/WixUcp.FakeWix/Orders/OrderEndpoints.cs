using System.Text.Json.Nodes;
using WixUcp.FakeWix.Auth;
using WixUcp.FakeWix.Infrastructure;
using WixUcp.FakeWix.Webhooks;

namespace WixUcp.FakeWix.Orders;

/// <summary>Orders: get, search (INITIALIZED never returned), cancel, and the <c>/_fake/checkouts/{id}/pay</c> hook.</summary>
internal static class OrderEndpoints
{
    public static void Map(IEndpointRouteBuilder app, FakeWixState state)
    {
        app.MapGet("/ecom/v1/orders/{id}", (HttpContext http, string id) =>
            WithOrder(http, state, id, (_, order) => Wire.Json(new JsonObject { ["order"] = order.Render() })));
        app.MapPost("/ecom/v1/orders/search", (HttpContext http) => Search(http, state));
        app.MapPost("/ecom/v1/orders/{id}/cancel", (HttpContext http, string id) => Cancel(http, state, id));
        app.MapPost("/_fake/checkouts/{id}/pay", (string id, CancellationToken ct) => PayAsync(state, id, ct));
    }

    public static IResult WithOrder(HttpContext http, FakeWixState state, string id, Func<FakeWixInstance, OrderRecord, IResult> action)
    {
        var site = AuthMiddleware.Caller(http);
        lock (state.Sync)
        {
            var order = site.Orders.GetValueOrDefault(id) ?? throw WixErrors.NotFound("ORDER_NOT_FOUND", $"Order {id} not found");
            return action(site, order);
        }
    }

    private static IResult Search(HttpContext http, FakeWixState state)
    {
        var site = AuthMiddleware.Caller(http);
        var search = Wire.Obj(Wire.ReadObject(http), "search") ?? [];
        var filter = search["filter"] switch
        {
            null => null,
            JsonObject o => o,
            _ => throw WixErrors.BadRequest("search.filter", "must be an object"),
        };
        lock (state.Sync)
        {
            var orders = site.Orders.Values
                .Where(o => o.Status != "INITIALIZED")
                .OrderByDescending(o => o.CreatedDate).ThenByDescending(o => o.Number, StringComparer.Ordinal)
                .Select(o => o.Render())
                .Where(doc => Query.Matches(doc, filter))
                .ToList();
            var (page, metadata) = Query.CursorPage(Query.Sort(orders, Wire.Arr(search, "sort")), Wire.Obj(search, "cursorPaging"), "search.cursorPaging");
            return Wire.Json(new JsonObject { ["orders"] = new JsonArray([.. page]), ["metadata"] = metadata });
        }
    }

    private static IResult Cancel(HttpContext http, FakeWixState state, string id)
    {
        var body = Wire.ReadObject(http);
        var events = new List<WebhookEvent>();
        var result = WithOrder(http, state, id, (site, order) =>
        {
            if (order.Status == "CANCELED")
            {
                throw WixErrors.Precondition("ORDER_ALREADY_CANCELED", $"Order {id} is already canceled");
            }

            if (Wire.Bool(body, "restockAllItems") == true)
            {
                foreach (var (lineId, (productId, variantId)) in order.LineVariants)
                {
                    if (site.Product(productId)?.Variants.Find(v => v.Id == variantId) is { } variant)
                    {
                        variant.Quantity += order.LineQuantities[lineId];
                    }
                }
            }

            order.Status = "CANCELED";
            order.UpdatedDate = state.Time.GetUtcNow();
            events.Add(WebhookEvent.Action("wix.ecom.v1.order_canceled", order, new JsonObject { ["order"] = order.Render() }));
            events.Add(WebhookEvent.Updated("wix.ecom.v1.order_updated", order));
            return Wire.Json(new JsonObject { ["order"] = order.Render() });
        });
        state.Webhooks.SendInBackground(events);
        return result;
    }

    /// <summary>
    /// The buyer pays on Wix's hosted page: creates the order if needed (Create Order's preconditions, except that a
    /// missing billing address is taken from the shipping destination), records a card payment for the balance, marks
    /// the order PAID and APPROVED and the checkout completed, and sends the webhooks before answering.
    /// </summary>
    private static async Task<IResult> PayAsync(FakeWixState state, string checkoutId, CancellationToken ct)
    {
        var events = new List<WebhookEvent>();
        OrderRecord order;
        lock (state.Sync)
        {
            var site = state.Instances.Values.FirstOrDefault(i => i.Checkouts.ContainsKey(checkoutId))
                ?? throw WixErrors.NotFound("CHECKOUT_NOT_FOUND", $"Checkout {checkoutId} not found");
            var checkout = site.Checkouts[checkoutId];
            order = checkout.OrderId is { } orderId
                ? site.Orders[orderId]
                : OrderLifecycle.CreateFromCheckout(state, site, checkout, hostedPage: true, events);
            if (order.PaymentStatus != "PAID" && order.Total - order.Paid > 0)
            {
                order.Payments.Add(new PaymentRecord
                {
                    Id = Wire.NewId(),
                    Amount = order.Total - order.Paid,
                    PaymentMethod = "CreditCard",
                    ProviderTransactionId = "fake-hosted-" + Guid.NewGuid().ToString("N")[..12],
                    GatewayTransactionId = Wire.NewId(),
                    Offline = false,
                    Settled = true,
                    CreatedDate = state.Time.GetUtcNow(),
                });
                OrderLifecycle.RecalculatePayment(state, site, order, events);
            }

            checkout.Completed = true;
        }

        var deliveries = await state.Webhooks.SendAllAsync(events, ct).ConfigureAwait(false);
        JsonObject answer;
        lock (state.Sync)
        {
            answer = new JsonObject
            {
                ["orderId"] = order.Id,
                ["order"] = order.Render(),
                ["webhooks"] = new JsonArray([.. deliveries.Select(d => (JsonNode)WebhookEndpoints.Describe(d))]),
            };
        }

        return Wire.Json(answer);
    }
}
