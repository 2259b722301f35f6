using System.Globalization;
using System.Text.Json.Nodes;
using WixUcp.FakeWix.Auth;
using WixUcp.FakeWix.Infrastructure;
using WixUcp.FakeWix.Orders;
using WixUcp.FakeWix.Webhooks;

namespace WixUcp.FakeWix.Checkout;

/// <summary>
/// eCommerce checkouts: create, get, update (PATCH), remove coupon, checkout URL and create order. An unknown coupon
/// does not fail the call: the checkout comes back with <c>calculationErrors.couponCalculationError</c>
/// (ERROR_COUPON_DOES_NOT_EXIST) and no discount, which then blocks Create Order (428) until the coupon is replaced or removed.
/// </summary>
internal static class CheckoutEndpoints
{
    public static void Map(IEndpointRouteBuilder app, FakeWixState state)
    {
        app.MapPost("/ecom/v1/checkouts", (HttpContext http) => Create(http, state));
        app.MapGet("/ecom/v1/checkouts/{id}", (HttpContext http, string id) => WithCheckout(http, state, id, (site, c) => Answer(site, c)));
        app.MapPatch("/ecom/v1/checkouts/{id}", (HttpContext http, string id) => Update(http, state, id));
        app.MapPost("/ecom/v1/checkouts/{id}/remove-coupon", (HttpContext http, string id) => WithCheckout(http, state, id, (site, c) =>
        {
            c.CouponCode = null;
            c.UpdatedDate = state.Time.GetUtcNow();
            return Answer(site, c);
        }));
        app.MapGet("/ecom/v1/checkouts/{id}/checkout-url", (HttpContext http, string id) => WithCheckout(http, state, id, (_, c) =>
            Wire.Json(new JsonObject { ["checkoutUrl"] = "https://fake-wix.example/checkout?checkoutId=" + Uri.EscapeDataString(c.Id) })));
        app.MapPost("/ecom/v1/checkouts/{id}/create-order", (HttpContext http, string id) =>
        {
            List<WebhookEvent> events = [];
            var result = WithCheckout(http, state, id, (site, c) =>
            {
                var order = OrderLifecycle.CreateFromCheckout(state, site, c, hostedPage: false, events);
                var answer = new JsonObject { ["orderId"] = order.Id };
                answer.With("paymentGatewayOrderId", order.PaymentGatewayOrderId);
                return Wire.Json(answer);
            });
            state.Webhooks.SendInBackground(events);
            return result;
        });
    }

    private static IResult Answer(FakeWixInstance site, CheckoutRecord checkout) =>
        Wire.Json(new JsonObject { ["checkout"] = CheckoutJson.Render(site, checkout) });

    private static IResult WithCheckout(HttpContext http, FakeWixState state, string id, Func<FakeWixInstance, CheckoutRecord, IResult> action)
    {
        var site = AuthMiddleware.Caller(http);
        lock (state.Sync)
        {
            var checkout = site.Checkouts.GetValueOrDefault(id) ?? throw WixErrors.NotFound("CHECKOUT_NOT_FOUND", $"Checkout {id} not found");
            return action(site, checkout);
        }
    }

    private static IResult Create(HttpContext http, FakeWixState state)
    {
        var site = AuthMiddleware.Caller(http);
        var body = Wire.ReadObject(http);
        var channelType = Wire.Str(body, "channelType");
        if (string.IsNullOrEmpty(channelType))
        {
            throw WixErrors.BadRequest("channelType", "is required (WEB, OTHER_PLATFORM, POS, ...)");
        }

        var items = body["lineItems"] switch
        {
            null => [],
            JsonArray a => a,
            _ => throw WixErrors.BadRequest("lineItems", "must be an array"),
        };
        if (items.Count > 300)
        {
            throw WixErrors.BadRequest("lineItems", "at most 300 line items");
        }

        var now = state.Time.GetUtcNow();
        var checkout = new CheckoutRecord { Id = Wire.NewId(), ChannelType = channelType, CreatedDate = now, UpdatedDate = now };
        for (var i = 0; i < items.Count; i++)
        {
            checkout.Lines.Add(ReadLine(items[i], $"lineItems[{i.ToString(CultureInfo.InvariantCulture)}]"));
        }

        lock (state.Sync)
        {
            if (Wire.Obj(body, "checkoutInfo") is { } info)
            {
                Apply(site, checkout, info, Wire.Str(body, "couponCode"), "checkoutInfo");
            }
            else if (Wire.Str(body, "couponCode") is { Length: > 0 } coupon)
            {
                checkout.CouponCode = coupon;
            }

            site.Checkouts[checkout.Id] = checkout;
            return Answer(site, checkout);
        }
    }

    private static CheckoutLine ReadLine(JsonNode? item, string field)
    {
        var quantity = Wire.Int(item, "quantity", field + ".quantity") ?? throw WixErrors.BadRequest(field + ".quantity", "is required");
        if (quantity is < 1 or > 100_000)
        {
            throw WixErrors.BadRequest(field + ".quantity", "must be between 1 and 100000");
        }

        var reference = Wire.Obj(item, "catalogReference") ?? throw WixErrors.BadRequest(field + ".catalogReference", "is required");
        var itemId = Wire.Str(reference, "catalogItemId") is { Length: > 0 } id ? id : throw WixErrors.BadRequest(field + ".catalogReference.catalogItemId", "is required");
        var appId = Wire.Str(reference, "appId");
        if (appId is not (CheckoutJson.StoresAppId or CheckoutJson.HeadlessStoresAppId))
        {
            throw WixErrors.BadRequest(field + ".catalogReference.appId", $"must be the Wix Stores app id {CheckoutJson.StoresAppId}");
        }

        var options = reference["options"] switch
        {
            null => null,
            JsonObject o => o,
            _ => throw WixErrors.BadRequest(field + ".catalogReference.options", "must be an object"),
        };
        Dictionary<string, string>? choices = null;
        if (Wire.Obj(options, "options") is { } named)
        {
            choices = named.ToDictionary(p => p.Key, p => Wire.Str(p.Value, "") ?? "", StringComparer.Ordinal);
        }

        return new CheckoutLine
        {
            Id = Wire.NewId(),
            Quantity = quantity,
            CatalogItemId = itemId,
            AppId = appId,
            VariantId = Wire.Str(options, "variantId"),
            Choices = choices,
            Options = options?.DeepClone().AsObject(),
        };
    }

    private static IResult Update(HttpContext http, FakeWixState state, string id)
    {
        var body = Wire.ReadObject(http);
        var patch = Wire.Obj(body, "checkout") ?? [];
        if (Wire.Str(patch, "id") is { } bodyId && bodyId != id)
        {
            throw WixErrors.BadRequest("checkout.id", "does not match the id in the path");
        }

        var coupon = Wire.Str(body, "couponCode");
        var touches = patch.Any(p => p.Key is "buyerInfo" or "billingInfo" or "shippingInfo") || !string.IsNullOrEmpty(coupon)
            || !string.IsNullOrEmpty(Wire.Str(body, "giftCardCode"));
        if (!touches)
        {
            throw WixErrors.BadRequest("checkout", "nothing to update: set buyerInfo, billingInfo, shippingInfo or couponCode");
        }

        return WithCheckout(http, state, id, (site, checkout) =>
        {
            if (checkout.Completed)
            {
                throw WixErrors.Precondition("CHECKOUT_ALREADY_COMPLETED", $"Checkout {id} is completed and can no longer change");
            }

            Apply(site, checkout, patch, coupon, "checkout");
            checkout.UpdatedDate = state.Time.GetUtcNow();
            return Answer(site, checkout);
        });
    }

    /// <summary>Applies buyer, billing, shipping and coupon changes; on a validation failure nothing changes.</summary>
    private static void Apply(FakeWixInstance site, CheckoutRecord checkout, JsonObject patch, string? coupon, string prefix)
    {
        var before = (Buyer: checkout.BuyerInfo, checkout.BillingInfo, checkout.ShippingDestination, checkout.SelectedShippingCode, checkout.CouponCode);
        try
        {
            if (Wire.Obj(patch, "buyerInfo") is { } buyer)
            {
                var merged = checkout.BuyerInfo.DeepClone().AsObject();
                foreach (var (key, value) in buyer)
                {
                    merged[key] = value?.DeepClone();
                }

                if (Wire.Str(checkout.BuyerInfo, "email") is { Length: > 0 } && string.IsNullOrEmpty(Wire.Str(merged, "email")))
                {
                    throw WixErrors.BadRequest(prefix + ".buyerInfo.email", "cannot be removed once set");
                }

                if (merged["email"] is null)
                {
                    merged.Remove("email");
                }

                checkout.BuyerInfo = merged;
            }

            if (patch["billingInfo"] is JsonObject billing)
            {
                checkout.BillingInfo = billing.DeepClone().AsObject();
            }

            if (Wire.Obj(patch, "shippingInfo") is { } shipping)
            {
                if (shipping["shippingDestination"] is JsonObject destination)
                {
                    checkout.ShippingDestination = destination.DeepClone().AsObject();
                }

                if (Wire.Str(shipping, "selectedCarrierServiceOption.code") is { Length: > 0 } code)
                {
                    checkout.SelectedShippingCode = code;
                    var offered = CheckoutJson.Calculate(site, checkout).ShippingOptions;
                    if (offered.All(o => o.Code != code))
                    {
                        throw WixErrors.BadRequest(prefix + ".shippingInfo.selectedCarrierServiceOption.code",
                            offered.Count == 0
                                ? "no shipping options are available yet: set shippingInfo.shippingDestination first"
                                : $"'{code}' is not one of the available options ({string.Join(", ", offered.Select(o => o.Code))})");
                    }
                }
            }

            if (!string.IsNullOrEmpty(coupon))
            {
                checkout.CouponCode = coupon;
            }
        }
        catch (WixException)
        {
            (checkout.BuyerInfo, checkout.BillingInfo, checkout.ShippingDestination, checkout.SelectedShippingCode, checkout.CouponCode) = before;
            throw;
        }
    }
}
