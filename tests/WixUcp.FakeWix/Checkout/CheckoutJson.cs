using System.Text.Json.Nodes;
using WixUcp.FakeWix.Catalog;
using WixUcp.FakeWix.Infrastructure;

namespace WixUcp.FakeWix.Checkout;

/// <summary>One line resolved against the current catalog.</summary>
internal sealed record PricedLine(CheckoutLine Line, FakeWixProduct? Product, FakeWixVariant? Variant, decimal UnitPrice, string Status, int? QuantityAvailable)
{
    public decimal Total => UnitPrice * Line.Quantity;

    public bool Orderable => Status is "AVAILABLE" or "PARTIALLY_AVAILABLE";

    public bool Shippable => Product?.ProductType == "PHYSICAL";
}

/// <summary>The checkout's calculated state: lines, totals, shipping options, coupon and calculation errors.</summary>
internal sealed record Calculation(
    List<PricedLine> Lines, decimal Subtotal, decimal Discount, decimal Shipping, decimal Tax, decimal Total,
    List<FakeWixShippingOption> ShippingOptions, FakeWixShippingOption? Selected, FakeWixCoupon? Coupon, JsonObject? Errors)
{
    public bool NeedsShipping => Lines.Any(l => l.Shippable);
}

/// <summary>Calculates and renders checkouts (eCommerce money: decimal strings, four members).</summary>
internal static class CheckoutJson
{
    public const string StoresAppId = "215238eb-22a5-4c36-9e7b-e7c08025e04e";
    public const string HeadlessStoresAppId = "1380b703-ce81-ff05-f115-39571d94dfcd";

    public static string? Country(JsonObject? destination) => Wire.Str(destination, "address.country");

    public static Calculation Calculate(FakeWixInstance site, CheckoutRecord checkout)
    {
        var lines = checkout.Lines.Select(l => Price(site, l)).ToList();
        var subtotal = lines.Where(l => l.Product is not null).Sum(l => l.Total);
        var coupon = checkout.CouponCode is { } code
            ? site.Coupons.Find(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase))
            : null;
        var discount = coupon is null ? 0 : Money.Round(subtotal * coupon.PercentOff / 100m, site.Currency);

        var errors = new JsonObject();
        if (checkout.CouponCode is not null && coupon is null)
        {
            errors["couponCalculationError"] = WixErrors.Application($"Coupon code '{checkout.CouponCode}' does not exist", "ERROR_COUPON_DOES_NOT_EXIST")["details"]!.DeepClone();
        }

        var options = new List<FakeWixShippingOption>();
        var needsShipping = lines.Any(l => l.Shippable);
        if (needsShipping && Country(checkout.ShippingDestination) is { Length: > 0 } country)
        {
            options = site.ShippingOptions.Where(o => o.Countries.Contains(country)).ToList();
            if (options.Count == 0)
            {
                errors["generalShippingCalculationError"] = WixErrors.Application(
                    $"No shipping options are available for destination country {country}", "NO_SHIPPING_OPTIONS_AVAILABLE")["details"]!.DeepClone();
            }
        }

        var selected = options.Find(o => o.Code == checkout.SelectedShippingCode);
        var shipping = selected?.Price ?? 0m;
        var taxable = subtotal - discount + shipping;
        var tax = 0m;
        if (Country(checkout.ShippingDestination) is { Length: > 0 } taxCountry)
        {
            if (site.TaxFailsFor.Contains(taxCountry))
            {
                errors["taxCalculationError"] = WixErrors.Application($"Tax could not be calculated for destination country {taxCountry}", "TAX_CALCULATION_FAILED")["details"]!.DeepClone();
            }
            else if (site.TaxRates.TryGetValue(taxCountry, out var rate))
            {
                tax = Money.Round(site.TaxIncludedInPrice ? taxable - (taxable / (1 + rate)) : taxable * rate, site.Currency);
            }
        }

        var total = site.TaxIncludedInPrice ? taxable : taxable + tax;
        return new Calculation(lines, subtotal, discount, shipping, tax, total, options, selected, coupon, errors.Count > 0 ? errors : null);
    }

    private static PricedLine Price(FakeWixInstance site, CheckoutLine line)
    {
        var product = site.Product(line.CatalogItemId);
        if (product is null)
        {
            return new PricedLine(line, null, null, 0, "NOT_FOUND", null);
        }

        var variant = line.VariantId is { } variantId
            ? product.Variants.Find(v => v.Id == variantId)
            : line.Choices is { Count: > 0 } choices
                ? product.Variants.Find(v => v.Choices.Count == choices.Count
                    && choices.All(c => v.Choices.TryGetValue(c.Key, out var value) && string.Equals(value, c.Value, StringComparison.OrdinalIgnoreCase)))
                : product.Variants.Count == 1 ? product.Variants[0] : null;
        if (variant is null)
        {
            return new PricedLine(line, product, null, product.Price, "NOT_FOUND", null);
        }

        var price = CatalogJson.PriceOf(product, variant);
        if (!product.Visible || !variant.Visible)
        {
            return new PricedLine(line, product, variant, price, "NOT_AVAILABLE", null);
        }

        if (!product.TrackInventory)
        {
            return new PricedLine(line, product, variant, price, "AVAILABLE", null);
        }

        var status = variant.Quantity <= 0 ? "NOT_AVAILABLE" : variant.Quantity < line.Quantity ? "PARTIALLY_AVAILABLE" : "AVAILABLE";
        return new PricedLine(line, product, variant, price, status, Math.Max(0, variant.Quantity));
    }

    public static JsonObject Render(FakeWixInstance site, CheckoutRecord checkout)
    {
        var c = Calculate(site, checkout);
        var currency = site.Currency;
        JsonObject M(decimal value) => Money.Multi(value, currency);

        var shippingInfo = new JsonObject
        {
            ["carrierServiceOptions"] = c.ShippingOptions.Count == 0
                ? new JsonArray()
                : new JsonArray(new JsonObject
                {
                    ["carrierId"] = "fake-carrier",
                    ["shippingOptions"] = new JsonArray([.. c.ShippingOptions.Select(o => (JsonNode)ShippingOption(o, currency))]),
                }),
        };
        shippingInfo.With("shippingDestination", checkout.ShippingDestination?.DeepClone());
        if (c.Selected is { } selected)
        {
            var option = ShippingOption(selected, currency);
            option["carrierId"] = "fake-carrier";
            option["requestedShippingOption"] = true;
            shippingInfo["selectedCarrierServiceOption"] = option;
        }

        var summary = new JsonObject
        {
            ["subtotal"] = M(c.Subtotal),
            ["shipping"] = M(c.Shipping),
            ["tax"] = M(c.Tax),
            ["discount"] = M(c.Discount),
            ["total"] = M(c.Total),
            ["additionalFees"] = M(0),
        };
        var json = new JsonObject
        {
            ["id"] = checkout.Id,
            ["currency"] = currency,
            ["conversionCurrency"] = currency,
            ["completed"] = checkout.Completed,
            ["channelType"] = checkout.ChannelType,
            ["lineItems"] = new JsonArray([.. c.Lines.Select(l => (JsonNode)LineItem(l, currency))]),
            ["buyerInfo"] = checkout.BuyerInfo.DeepClone(),
            ["buyerLanguage"] = site.Locale,
            ["siteLanguage"] = site.Locale,
            ["shippingInfo"] = shippingInfo,
            ["priceSummary"] = summary,
            ["payNow"] = summary.DeepClone(),
            ["payLater"] = new JsonObject { ["subtotal"] = M(0), ["shipping"] = M(0), ["tax"] = M(0), ["discount"] = M(0), ["total"] = M(0) },
            ["taxSummary"] = new JsonObject { ["taxableAmount"] = M(c.Subtotal - c.Discount + c.Shipping), ["totalTax"] = M(c.Tax) },
            ["taxIncludedInPrice"] = site.TaxIncludedInPrice,
            ["appliedDiscounts"] = c.Coupon is { } coupon
                ? new JsonArray(new JsonObject
                {
                    ["discountType"] = "GLOBAL",
                    ["lineItemIds"] = new JsonArray(),
                    ["coupon"] = new JsonObject { ["id"] = coupon.Id, ["code"] = coupon.Code, ["name"] = coupon.Name, ["amount"] = M(c.Discount) },
                })
                : new JsonArray(),
            ["violations"] = new JsonArray(),
            ["customFields"] = new JsonArray(),
            ["weightUnit"] = "KG",
            ["createdDate"] = Wire.Date(checkout.CreatedDate),
            ["updatedDate"] = Wire.Date(checkout.UpdatedDate),
        };
        json.With("billingInfo", checkout.BillingInfo?.DeepClone());
        json.With("calculationErrors", c.Errors);
        return json;
    }

    private static JsonObject ShippingOption(FakeWixShippingOption option, string currency) => new()
    {
        ["code"] = option.Code,
        ["title"] = option.Title,
        ["logistics"] = new JsonObject { ["deliveryTime"] = option.DeliveryTime },
        ["cost"] = new JsonObject
        {
            ["price"] = Money.Multi(option.Price, currency),
            ["totalPriceBeforeTax"] = Money.Multi(option.Price, currency),
            ["totalPriceAfterTax"] = Money.Multi(option.Price, currency),
            ["otherCharges"] = new JsonArray(),
        },
    };

    private static JsonObject LineItem(PricedLine line, string currency)
    {
        var product = line.Product;
        var catalogReference = new JsonObject { ["catalogItemId"] = line.Line.CatalogItemId, ["appId"] = line.Line.AppId };
        catalogReference.With("options", line.Line.Options?.DeepClone());
        var availability = new JsonObject { ["status"] = line.Status };
        availability.With("quantityAvailable", line.QuantityAvailable);
        var full = product?.CompareAtPrice ?? line.UnitPrice;
        var json = new JsonObject
        {
            ["id"] = line.Line.Id,
            ["quantity"] = line.Line.Quantity,
            ["catalogReference"] = catalogReference,
            ["productName"] = new JsonObject { ["original"] = product?.Name ?? "", ["translated"] = product?.Name ?? "" },
            ["price"] = Money.Multi(line.UnitPrice, currency),
            ["lineItemPrice"] = Money.Multi(line.Total, currency),
            ["fullPrice"] = Money.Multi(full, currency),
            ["priceBeforeDiscounts"] = Money.Multi(line.UnitPrice, currency),
            ["totalPriceBeforeTax"] = Money.Multi(line.Total, currency),
            ["totalPriceAfterTax"] = Money.Multi(line.Total, currency),
            ["discount"] = Money.Multi(0, currency),
            ["descriptionLines"] = new JsonArray([.. (line.Variant?.Choices ?? []).Select(c => (JsonNode)new JsonObject
            {
                ["name"] = new JsonObject { ["original"] = c.Key, ["translated"] = c.Key },
                ["plainText"] = new JsonObject { ["original"] = c.Value, ["translated"] = c.Value },
                ["lineType"] = "PLAIN_TEXT",
            })]),
            ["availability"] = availability,
            ["physicalProperties"] = new JsonObject { ["sku"] = line.Variant?.Sku ?? "", ["shippable"] = line.Shippable },
            ["itemType"] = new JsonObject { ["preset"] = product?.ProductType ?? "UNRECOGNISED" },
            ["paymentOption"] = "FULL_PAYMENT_ONLINE",
        };
        json.With("media", product is null ? null : CatalogJson.Image(product));
        return json;
    }
}
