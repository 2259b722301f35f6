using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using WixUcp.FakeWix.Infrastructure;

namespace WixUcp.FakeWix.Catalog;

/// <summary>Products rendered as Catalog V3 and Catalog V1 JSON, and stock rules shared with the checkout.</summary>
internal static class CatalogJson
{
    public static bool InStock(FakeWixProduct product, FakeWixVariant variant) => !product.TrackInventory || variant.Quantity > 0;

    public static decimal PriceOf(FakeWixProduct product, FakeWixVariant variant) => variant.Price ?? product.Price;

    public static string Html(string text) => "<p>" + WebUtility.HtmlEncode(text) + "</p>";

    public static string Availability(FakeWixProduct product)
    {
        var inStock = product.Variants.Count(v => InStock(product, v));
        return inStock == product.Variants.Count && inStock > 0 ? "IN_STOCK" : inStock == 0 ? "OUT_OF_STOCK" : "PARTIALLY_OUT_OF_STOCK";
    }

    public static Uri ProductPageUrl(FakeWixInstance site, FakeWixProduct product) =>
        new(site.SiteUrl.AbsoluteUri.TrimEnd('/') + "/product-page/" + product.Slug);

    public static JsonObject? Image(FakeWixProduct product) => product.MainImageUrl is { } url
        ? new JsonObject { ["id"] = "media-" + product.Id, ["url"] = url, ["height"] = 1000, ["width"] = 1000, ["altText"] = product.Name }
        : null;

    private static string ChoiceId(FakeWixProductOption option, string choice) => option.Id + "-" + choice.ToLowerInvariant();

    // ---- V3 ----

    /// <summary>A V3 product; <paramref name="fields"/> (CURRENCY, URL, PLAIN_DESCRIPTION, MEDIA_ITEMS_INFO) add members.</summary>
    public static JsonObject V3(FakeWixInstance site, FakeWixProduct product, IReadOnlySet<string> fields)
    {
        var currency = site.Currency;
        var visibleVariants = product.Variants.Where(v => v.Visible).ToList();
        var prices = visibleVariants.Select(v => PriceOf(product, v)).DefaultIfEmpty(product.Price).ToList();
        var compare = visibleVariants.Select(v => product.CompareAtPrice ?? PriceOf(product, v)).DefaultIfEmpty(product.CompareAtPrice ?? product.Price).ToList();

        var media = new JsonObject();
        if (Image(product) is { } image)
        {
            media["main"] = V3Media(product, image);
            if (fields.Contains("MEDIA_ITEMS_INFO"))
            {
                media["itemsInfo"] = new JsonObject { ["items"] = new JsonArray(V3Media(product, Image(product)!)) };
            }
        }

        var json = new JsonObject
        {
            ["id"] = product.Id,
            ["revision"] = product.Revision.ToString(CultureInfo.InvariantCulture),
            ["createdDate"] = Wire.Date(product.CreatedDate),
            ["updatedDate"] = Wire.Date(product.UpdatedDate),
            ["name"] = product.Name,
            ["slug"] = product.Slug,
            ["visible"] = product.Visible,
            ["visibleInPos"] = product.Visible,
            ["productType"] = product.ProductType,
            ["media"] = media,
            ["actualPriceRange"] = Range(prices.Min(), prices.Max(), currency),
            ["compareAtPriceRange"] = Range(compare.Min(), compare.Max(), currency),
            ["inventory"] = new JsonObject
            {
                ["availabilityStatus"] = Availability(product),
                ["preorderStatus"] = "DISABLED",
                ["preorderAvailability"] = "ALL_VARIANTS",
            },
            ["options"] = new JsonArray([.. product.Options.Select(o => V3Option(product, o))]),
            ["modifiers"] = new JsonArray(),
            ["variantsInfo"] = new JsonObject { ["variants"] = new JsonArray([.. product.Variants.Select(v => V3Variant(product, v, currency))]) },
            ["variantSummary"] = new JsonObject { ["variantCount"] = product.Variants.Count },
        };
        if (fields.Contains("CURRENCY"))
        {
            json["currency"] = currency;
        }

        if (fields.Contains("URL"))
        {
            json["url"] = new JsonObject { ["relativePath"] = "/product-page/" + product.Slug, ["url"] = ProductPageUrl(site, product).AbsoluteUri };
        }

        if (fields.Contains("PLAIN_DESCRIPTION"))
        {
            json["plainDescription"] = Html(product.Description);
        }

        return json;
    }

    private static JsonObject V3Media(FakeWixProduct product, JsonObject image) => new()
    {
        ["id"] = "media-" + product.Id,
        ["url"] = image["url"]!.GetValue<string>(),
        ["altText"] = product.Name,
        ["displayName"] = product.Name,
        ["mediaType"] = "IMAGE",
        ["image"] = image,
    };

    private static JsonObject Range(decimal min, decimal max, string currency) => new()
    {
        ["minValue"] = Money.Simple(min, currency),
        ["maxValue"] = Money.Simple(max, currency),
    };

    private static JsonObject V3Option(FakeWixProduct product, FakeWixProductOption option) => new()
    {
        ["id"] = option.Id,
        ["name"] = option.Name,
        ["optionRenderType"] = "TEXT_CHOICES",
        ["choicesSettings"] = new JsonObject
        {
            ["choices"] = new JsonArray([.. option.Choices.Select(choice => (JsonNode)new JsonObject
            {
                ["choiceId"] = ChoiceId(option, choice),
                ["choiceType"] = "CHOICE_TEXT",
                ["key"] = choice.ToLowerInvariant(),
                ["name"] = choice,
                ["inStock"] = product.Variants.Any(v => v.Choices.GetValueOrDefault(option.Name) == choice && InStock(product, v)),
                ["visible"] = true,
            })]),
        },
    };

    private static JsonObject V3Variant(FakeWixProduct product, FakeWixVariant variant, string currency)
    {
        var price = new JsonObject { ["actualPrice"] = Money.Simple(PriceOf(product, variant), currency) };
        if (product.CompareAtPrice is { } compareAt)
        {
            price["compareAtPrice"] = Money.Simple(compareAt, currency);
        }

        return new JsonObject
        {
            ["id"] = variant.Id,
            ["visible"] = variant.Visible,
            ["sku"] = variant.Sku,
            ["choices"] = new JsonArray([.. variant.Choices.Select(c => (JsonNode)new JsonObject
            {
                ["optionChoiceIds"] = new JsonObject
                {
                    ["optionId"] = product.Options.Find(o => o.Name == c.Key)?.Id,
                    ["choiceId"] = product.Options.Find(o => o.Name == c.Key) is { } o ? ChoiceId(o, c.Value) : null,
                },
                ["optionChoiceNames"] = new JsonObject { ["optionName"] = c.Key, ["choiceName"] = c.Value, ["renderType"] = "TEXT_CHOICES" },
            })]),
            ["price"] = price,
            ["inventoryStatus"] = new JsonObject { ["inStock"] = InStock(product, variant), ["preorderEnabled"] = false },
            ["physicalProperties"] = new JsonObject(),
        };
    }

    /// <summary>A V3 inventory item (one per variant).</summary>
    public static JsonObject V3Inventory(FakeWixProduct product, FakeWixVariant variant) => new JsonObject
    {
        ["id"] = "inv-" + variant.Id,
        ["revision"] = product.Revision.ToString(CultureInfo.InvariantCulture),
        ["createdDate"] = Wire.Date(product.CreatedDate),
        ["updatedDate"] = Wire.Date(product.UpdatedDate),
        ["variantId"] = variant.Id,
        ["productId"] = product.Id,
        ["locationId"] = "loc-default",
        ["trackQuantity"] = product.TrackInventory,
        ["availabilityStatus"] = InStock(product, variant) ? "IN_STOCK" : "OUT_OF_STOCK",
        ["preorderInfo"] = new JsonObject { ["enabled"] = false },
        ["product"] = new JsonObject { ["name"] = product.Name, ["productVisible"] = product.Visible },
    }.With("quantity", product.TrackInventory ? variant.Quantity : null);

    // ---- V1 ----

    /// <summary>A V1 product: numeric <c>priceData</c>, <c>stock</c>, <c>productOptions</c>, and <c>variants</c> when asked.</summary>
    public static JsonObject V1(FakeWixInstance site, FakeWixProduct product, bool includeVariants)
    {
        var currency = site.Currency;
        var inStockCount = product.Variants.Count(v => InStock(product, v));
        var stock = new JsonObject
        {
            ["trackInventory"] = product.TrackInventory,
            ["inStock"] = inStockCount > 0,
            ["inventoryStatus"] = Availability(product),
        };
        if (product.TrackInventory)
        {
            stock["quantity"] = product.Variants.Sum(v => v.Quantity);
        }

        var prices = product.Variants.Select(v => PriceOf(product, v)).DefaultIfEmpty(product.Price).ToList();
        var media = new JsonObject { ["items"] = new JsonArray() };
        if (Image(product) is { } image)
        {
            media["mainMedia"] = V1Media(product, image);
            media["items"] = new JsonArray(V1Media(product, Image(product)!));
        }

        var json = new JsonObject
        {
            ["id"] = product.Id,
            ["name"] = product.Name,
            ["slug"] = product.Slug,
            ["visible"] = product.Visible,
            ["productType"] = product.ProductType.ToLowerInvariant(),
            ["description"] = Html(product.Description),
            ["sku"] = product.Sku,
            ["weight"] = 0,
            ["stock"] = stock,
            ["price"] = V1Price(product.CompareAtPrice ?? product.Price, product.Price, currency),
            ["priceData"] = V1Price(product.CompareAtPrice ?? product.Price, product.Price, currency),
            ["convertedPriceData"] = V1Price(product.CompareAtPrice ?? product.Price, product.Price, currency),
            ["priceRange"] = new JsonObject { ["minValue"] = Money.Number(prices.Min()), ["maxValue"] = Money.Number(prices.Max()) },
            ["additionalInfoSections"] = new JsonArray(),
            ["ribbons"] = new JsonArray(),
            ["media"] = media,
            ["customTextFields"] = new JsonArray(),
            ["manageVariants"] = product.ManageVariants,
            ["productOptions"] = new JsonArray([.. product.Options.Select(o => (JsonNode)new JsonObject
            {
                ["optionType"] = "drop_down",
                ["name"] = o.Name,
                ["choices"] = new JsonArray([.. o.Choices.Select(choice => (JsonNode)new JsonObject
                {
                    ["value"] = choice,
                    ["description"] = choice,
                    ["inStock"] = product.Variants.Any(v => v.Choices.GetValueOrDefault(o.Name) == choice && InStock(product, v)),
                    ["visible"] = true,
                })]),
            })]),
            ["productPageUrl"] = new JsonObject { ["base"] = site.SiteUrl.AbsoluteUri.TrimEnd('/') + "/", ["path"] = "/product-page/" + product.Slug },
            ["numericId"] = (1_000_000 + site.Products.IndexOf(product)).ToString(CultureInfo.InvariantCulture),
            ["inventoryItemId"] = "inv-" + product.Id,
            ["discount"] = product.CompareAtPrice is { } was && was > product.Price
                ? new JsonObject { ["type"] = "AMOUNT", ["value"] = Money.Number(was - product.Price) }
                : new JsonObject { ["type"] = "NONE", ["value"] = 0 },
            ["collectionIds"] = new JsonArray("00000000-000000-000000-000000000001"),
            ["ribbon"] = "",
            ["brand"] = "",
            ["lastUpdated"] = Wire.Date(product.UpdatedDate),
            ["createdDate"] = Wire.Date(product.CreatedDate),
        };
        if (includeVariants)
        {
            json["variants"] = new JsonArray([.. product.Variants.Select(v => (JsonNode)new JsonObject
            {
                ["id"] = v.Id,
                ["choices"] = new JsonObject([.. v.Choices.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))]),
                ["variant"] = new JsonObject
                {
                    ["priceData"] = V1Price(product.CompareAtPrice ?? PriceOf(product, v), PriceOf(product, v), currency),
                    ["convertedPriceData"] = V1Price(product.CompareAtPrice ?? PriceOf(product, v), PriceOf(product, v), currency),
                    ["weight"] = 0,
                    ["sku"] = v.Sku,
                    ["visible"] = v.Visible,
                },
                ["stock"] = new JsonObject { ["trackQuantity"] = product.TrackInventory, ["inStock"] = InStock(product, v) }
                    .With("quantity", product.TrackInventory ? v.Quantity : null),
            })]);
        }

        return json;
    }

    private static JsonObject V1Price(decimal price, decimal discounted, string currency) => new()
    {
        ["currency"] = currency,
        ["price"] = Money.Number(price),
        ["discountedPrice"] = Money.Number(discounted),
        ["formatted"] = new JsonObject { ["price"] = Money.Formatted(price, currency), ["discountedPrice"] = Money.Formatted(discounted, currency) },
    };

    private static JsonObject V1Media(FakeWixProduct product, JsonObject image) => new()
    {
        ["id"] = "media-" + product.Id,
        ["title"] = product.Name,
        ["mediaType"] = "image",
        ["image"] = new JsonObject { ["url"] = image["url"]!.GetValue<string>(), ["width"] = 1000, ["height"] = 1000, ["altText"] = product.Name },
        ["thumbnail"] = new JsonObject { ["url"] = image["url"]!.GetValue<string>(), ["width"] = 50, ["height"] = 50 },
    };

    /// <summary>A V2 (Catalog V1) inventory item: one per product, with per-variant stock.</summary>
    public static JsonObject V1Inventory(FakeWixInstance site, FakeWixProduct product) => new()
    {
        ["id"] = "inv-" + product.Id,
        ["externalId"] = product.Id,
        ["productId"] = product.Id,
        ["trackQuantity"] = product.TrackInventory,
        ["variants"] = new JsonArray([.. product.Variants.Select(v => (JsonNode)new JsonObject
        {
            ["variantId"] = v.Id,
            ["inStock"] = InStock(product, v),
        }.With("quantity", product.TrackInventory ? v.Quantity : null))]),
        ["lastUpdated"] = Wire.Date(product.UpdatedDate),
        ["numericId"] = (1_000_000 + site.Products.IndexOf(product)).ToString(CultureInfo.InvariantCulture),
        ["preorderInfo"] = new JsonObject { ["enabled"] = false },
    };
}
