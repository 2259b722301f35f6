using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using WixUcp.Catalog;
using WixUcp.Commerce;
using WixUcp.Tenancy;
using WixUcp.Wix.Wire;

namespace WixUcp.Wix;

/// <summary>
/// A Wix site's Stores catalog as UCP products. The site's catalog version (V1 or V3) is detected once and each call
/// speaks that dialect. Variant ids are <c>{productId}:{variantId}</c>, so a checkout line names the product and the
/// variant Wix needs without another lookup. Hidden products and variants are never shown. Search reads at most
/// <see cref="WixOptions.MaxSearchCandidates"/> products (price filters apply to those); category filters match
/// nothing, because Wix products carry no category names in these reads.
/// </summary>
internal sealed partial class WixCatalogBackend(WixApiClient wix, WixSites sites, IOptions<WixUcpOptions> options) : ICatalogBackend
{
    private const char VariantSeparator = ':';
    private const int WixPageLimit = 100;

    private readonly ConcurrentDictionary<string, WixCatalogDialect> _dialects = new(StringComparer.Ordinal);

    public async ValueTask<CatalogPage> SearchAsync(UcpTenant tenant, CatalogSearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var site = await sites.ResolveAsync(tenant, cancellationToken).ConfigureAwait(false);
        if (query.Categories.Count > 0)
        {
            return new CatalogPage { Products = [], HasMore = false, TotalCount = 0 };
        }

        var priced = query.MinPrice is not null || query.MaxPrice is not null;
        var max = options.Value.Wix.MaxSearchCandidates;
        var wanted = priced ? max : Math.Min(max, query.Offset + query.Limit + 1);
        var products = await GuardAsync(async () => await DialectAsync(site, cancellationToken).ConfigureAwait(false) == WixCatalogDialect.V3
            ? await SearchV3Async(site, query.Text, wanted, cancellationToken).ConfigureAwait(false)
            : await SearchV1Async(site, query.Text, wanted, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        var matching = products
            .Where(p => query.MinPrice is not { } min || p.Variants.Any(v => v.Price >= min))
            .Where(p => query.MaxPrice is not { } cap || p.Variants.Any(v => v.Price <= cap))
            .ToList();
        return new CatalogPage
        {
            Products = [.. matching.Skip(query.Offset).Take(query.Limit)],
            HasMore = matching.Count > query.Offset + query.Limit,
            TotalCount = matching.Count < wanted ? matching.Count : null,
        };
    }

    public async ValueTask<IReadOnlyList<CatalogProduct>> LookupAsync(UcpTenant tenant, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var site = await sites.ResolveAsync(tenant, cancellationToken).ConfigureAwait(false);
        if (ids.Count == 0)
        {
            return [];
        }

        return await GuardAsync(async () =>
        {
            var dialect = await DialectAsync(site, cancellationToken).ConfigureAwait(false);
            var productIds = ids.Select(ProductIdOf).Distinct(StringComparer.Ordinal).ToList();
            var found = new Dictionary<string, CatalogProduct>(StringComparer.Ordinal);
            void Keep(IEnumerable<CatalogProduct> products)
            {
                foreach (var product in products)
                {
                    found.TryAdd(product.Id, product);
                }
            }

            Keep(dialect == WixCatalogDialect.V3
                ? await QueryV3Async(site, Filter("id", "$in", productIds), productIds.Count, cancellationToken).ConfigureAwait(false)
                : await QueryV1Async(site, V1Filter("id", "$hasSome", productIds, text: null), productIds.Count, cancellationToken).ConfigureAwait(false));

            // What no product id matched may be a SKU, or (V3) a handle.
            var rest = ids.Where(id => !id.Contains(VariantSeparator, StringComparison.Ordinal) && !found.ContainsKey(id)).ToList();
            if (rest.Count > 0)
            {
                Keep(dialect == WixCatalogDialect.V3
                    ? await QueryV3Async(site, Filter("variantsInfo.variants.sku", "$in", rest), rest.Count, cancellationToken).ConfigureAwait(false)
                    : await QueryV1Async(site, V1Filter("sku", "$hasSome", rest, text: null), rest.Count, cancellationToken).ConfigureAwait(false));
                if (dialect == WixCatalogDialect.V3)
                {
                    // Only what can be a Wix slug goes into the path, and a bounded number of them.
                    foreach (var slug in rest.Where(id => Slug().IsMatch(id) && !found.Values.Any(p => p.Handle == id || p.Variants.Any(v => v.Sku == id))).Take(MaxSlugLookups))
                    {
                        Keep(await BySlugV3Async(site, slug, cancellationToken).ConfigureAwait(false));
                    }
                }
            }

            return (IReadOnlyList<CatalogProduct>)[.. found.Values];
        }).ConfigureAwait(false);
    }

    // Pages are bounded by what was asked, not by what maps: a catalog of products this server skips (no currency, no
    // visible variant) cannot make a search walk all of it.
    private static int MaxPages(int wanted) => (wanted / WixPageLimit) + 2;

    /// <summary>The product id inside a variant id (<c>{productId}:{variantId}</c>), or the id itself.</summary>
    public static string ProductIdOf(string id) => id.Split(VariantSeparator)[0];

    /// <summary>The Wix variant id inside a variant id, or null for a bare product id.</summary>
    public static string? WixVariantIdOf(string id) => id.IndexOf(VariantSeparator, StringComparison.Ordinal) is var at and >= 0 ? id[(at + 1)..] : null;

    /// <summary>The site's catalog version, asked of Wix once per site.</summary>
    public async ValueTask<WixCatalogDialect> DialectAsync(WixSite site, CancellationToken cancellationToken)
    {
        if (_dialects.TryGetValue(site.CacheKey, out var known))
        {
            return known;
        }

        var answer = await wix.SendAsync(site, "catalog_version", HttpMethod.Get, "stores/v3/provision/version", WixJson.Default.WixCatalogVersionResponse, cancellationToken).ConfigureAwait(false);
        var dialect = answer.CatalogVersion switch
        {
            "V3_CATALOG" => WixCatalogDialect.V3,
            "V1_CATALOG" => WixCatalogDialect.V1,
            _ => throw new CommerceBackendException($"The Wix site has no Stores catalog ({answer.CatalogVersion ?? "no version"})."),
        };
        return _dialects.GetOrAdd(site.CacheKey, dialect);
    }

    private async Task<List<CatalogProduct>> SearchV3Async(WixSite site, string? text, int wanted, CancellationToken cancellationToken)
    {
        var products = new List<CatalogProduct>();
        string? cursor = null;
        var pages = MaxPages(wanted);
        do
        {
            var request = new WixV3ProductSearchRequest
            {
                Search = new WixV3Search
                {
                    Expression = string.IsNullOrWhiteSpace(text) ? null : new WixV3Expression { Expression = text },
                    Filter = Filter("visible", "$eq", true),
                    CursorPaging = new WixCursorPaging { Limit = Math.Min(WixPageLimit, wanted - products.Count), Cursor = cursor },
                },
            };
            var page = await wix.QueryAsync(site, "search_products", "stores/v3/products/search", request, WixJson.Default.WixV3ProductSearchRequest, WixJson.Default.WixV3ProductsResponse, cancellationToken).ConfigureAwait(false);
            products.AddRange(page.Products.Where(p => p.Visible != false).Select(MapV3).OfType<CatalogProduct>());
            cursor = page.PagingMetadata?.HasNext == true ? page.PagingMetadata.Cursors?.Next : null;
            if (page.Products.Count == 0)
            {
                break;
            }
        }
        while (cursor is not null && products.Count < wanted && --pages > 0);
        return products;
    }

    private async Task<List<CatalogProduct>> QueryV3Async(WixSite site, JsonElement filter, int count, CancellationToken cancellationToken)
    {
        var request = new WixV3ProductSearchRequest { Query = new WixV3Search { Filter = filter, CursorPaging = new WixCursorPaging { Limit = Math.Min(WixPageLimit, Math.Max(1, count)) } } };
        var page = await wix.QueryAsync(site, "query_products", "stores/v3/products/query", request, WixJson.Default.WixV3ProductSearchRequest, WixJson.Default.WixV3ProductsResponse, cancellationToken).ConfigureAwait(false);
        return [.. page.Products.Where(p => p.Visible != false).Select(MapV3).OfType<CatalogProduct>()];
    }

    private async Task<List<CatalogProduct>> BySlugV3Async(WixSite site, string slug, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await wix.SendAsync(site, "get_product", HttpMethod.Get, "stores/v3/products/slug/" + Uri.EscapeDataString(slug) + "?fields=CURRENCY&fields=URL&fields=PLAIN_DESCRIPTION&fields=MEDIA_ITEMS_INFO",
                WixJson.Default.WixV3ProductEnvelope, cancellationToken).ConfigureAwait(false);
            return answer.Product is { Visible: not false } product && MapV3(product) is { } mapped ? [mapped] : [];
        }
        catch (WixApiException ex) when (ex.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.BadRequest)
        {
            return [];
        }
    }

    private async Task<List<CatalogProduct>> SearchV1Async(WixSite site, string? text, int wanted, CancellationToken cancellationToken) =>
        await QueryV1Async(site, V1Filter("name", "$contains", null, text), wanted, cancellationToken).ConfigureAwait(false);

    private async Task<List<CatalogProduct>> QueryV1Async(WixSite site, string filter, int wanted, CancellationToken cancellationToken)
    {
        var products = new List<CatalogProduct>();
        for (int offset = 0, pages = MaxPages(wanted); products.Count < wanted && pages > 0; offset += WixPageLimit, pages--)
        {
            var request = new WixV1ProductQueryRequest
            {
                Query = new WixV1Query { Filter = filter, Paging = new WixV1Paging { Limit = WixPageLimit, Offset = offset } },
                IncludeVariants = true,
                IncludeHiddenProducts = false,
            };
            var page = await wix.QueryAsync(site, "query_products", "stores/v1/products/query", request, WixJson.Default.WixV1ProductQueryRequest, WixJson.Default.WixV1ProductsResponse, cancellationToken).ConfigureAwait(false);
            products.AddRange(page.Products.Where(p => p.Visible != false).Select(MapV1).OfType<CatalogProduct>());
            if (page.Products.Count < WixPageLimit || offset + WixPageLimit >= (page.TotalResults ?? int.MaxValue))
            {
                break;
            }
        }

        return [.. products.Take(wanted)];
    }

    private static CatalogProduct? MapV3(WixV3Product product)
    {
        if (product.Id is not { Length: > 0 } id || product.Currency is not { Length: > 0 } currency)
        {
            return null;
        }

        var name = product.Name ?? "";
        var images = Images(product.Media);
        var variants = product.VariantsInfo?.Variants.Where(v => v.Visible != false && v.Id is { Length: > 0 }).Select(v =>
        {
            var choices = v.Choices.Select(c => c.OptionChoiceNames).OfType<WixV3ChoiceNames>().Where(c => c.OptionName is not null && c.ChoiceName is not null).ToList();
            var price = WixMoney.ToMinorUnits(v.Price?.ActualPrice?.Amount ?? product.ActualPriceRange?.MinValue?.Amount, currency) ?? 0;
            var list = WixMoney.ToMinorUnits(v.Price?.CompareAtPrice?.Amount, currency);
            var available = v.InventoryStatus?.InStock ?? true;
            return new CatalogVariant
            {
                Id = id + VariantSeparator + v.Id,
                Title = choices.Count == 0 ? name : name + " - " + string.Join(" / ", choices.Select(c => c.ChoiceName)),
                Sku = v.Sku,
                Price = price,
                ListPrice = list > price ? list : null,
                Currency = currency,
                Available = available,
                AvailabilityStatus = available ? "in_stock" : "out_of_stock",
                Options = [.. choices.Select(c => new CatalogOptionValue(c.OptionName!, c.ChoiceName!))],
            };
        }).ToList() ?? [];
        return variants.Count == 0 ? null : new CatalogProduct
        {
            Id = id,
            Title = name,
            Description = PlainText(product.PlainDescription),
            Handle = product.Slug,
            Url = product.Url is { } url ? UrlOf(url) : null,
            Media = images,
            Variants = variants,
        };
    }

    private static CatalogProduct? MapV1(WixV1Product product)
    {
        if (product.Id is not { Length: > 0 } id || product.PriceData?.Currency is not { Length: > 0 } currency)
        {
            return null;
        }

        var name = product.Name ?? "";
        long Price(WixV1PriceData? data) => WixMoney.ToMinorUnits(data?.DiscountedPrice ?? data?.Price ?? product.PriceData.DiscountedPrice ?? product.PriceData.Price ?? 0, currency);
        long? List(WixV1PriceData? data, long price) => (data?.Price ?? product.PriceData.Price) is { } full && WixMoney.ToMinorUnits(full, currency) is var list && list > price ? list : null;
        var variants = product.Variants.Where(v => v.Variant?.Visible != false && v.Id is { Length: > 0 }).Select(v =>
        {
            var price = Price(v.Variant?.PriceData);
            var available = v.Stock?.InStock ?? product.Stock?.InStock ?? true;
            return new CatalogVariant
            {
                Id = id + VariantSeparator + v.Id,
                Title = v.Choices.Count == 0 ? name : name + " - " + string.Join(" / ", v.Choices.Values),
                Sku = v.Variant?.Sku ?? product.Sku,
                Price = price,
                ListPrice = List(v.Variant?.PriceData, price),
                Currency = currency,
                Available = available,
                AvailabilityStatus = available ? "in_stock" : "out_of_stock",
                Options = [.. v.Choices.Select(c => new CatalogOptionValue(c.Key, c.Value))],
            };
        }).ToList();
        if (variants.Count == 0)
        {
            // Without includeVariants' answer the product is its own single variant (Wix's default variant id).
            var price = Price(null);
            var available = product.Stock?.InStock ?? true;
            variants.Add(new CatalogVariant
            {
                Id = id + VariantSeparator + DefaultVariantId,
                Title = name,
                Sku = product.Sku,
                Price = price,
                ListPrice = List(null, price),
                Currency = currency,
                Available = available,
                AvailabilityStatus = available ? "in_stock" : "out_of_stock",
            });
        }

        return new CatalogProduct
        {
            Id = id,
            Title = name,
            Description = PlainText(product.Description),
            Handle = product.Slug,
            Url = product.ProductPageUrl is { Base: { } root, Path: { } path } && Uri.TryCreate(root.TrimEnd('/') + "/" + path.TrimStart('/'), UriKind.Absolute, out var page) ? page : null,
            Media = Images(product.Media),
            Variants = variants,
        };
    }

    /// <summary>The id Wix Stores V1 gives a product's only variant.</summary>
    public const string DefaultVariantId = "00000000-0000-0000-0000-000000000000";

    // Image URLs wherever the media object puts them ("url" members), https only, in document order, deduplicated.
    private static List<CatalogMedia> Images(JsonElement? media)
    {
        var urls = new List<Uri>();
        void Walk(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.NameEquals("url") && property.Value.ValueKind == JsonValueKind.String
                            && Uri.TryCreate(property.Value.GetString(), UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps && !urls.Contains(url))
                        {
                            urls.Add(url);
                        }
                        else
                        {
                            Walk(property.Value);
                        }
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        if (media is { } root)
        {
            Walk(root);
        }

        return [.. urls.Take(10).Select(u => new CatalogMedia("image", u))];
    }

    private static Uri? UrlOf(JsonElement url) =>
        (url.ValueKind == JsonValueKind.String ? url.GetString()
            : url.ValueKind == JsonValueKind.Object && url.TryGetProperty("url", out var inner) && inner.ValueKind == JsonValueKind.String ? inner.GetString() : null)
        is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri : null;

    private static string PlainText(string? html) =>
        html is null ? "" : WebUtility.HtmlDecode(Whitespace().Replace(Tags().Replace(html, " "), " ")).Trim();

    private static JsonElement Filter<T>(string field, string op, T value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject(field);
            writer.WritePropertyName(op);
            WriteValue(writer, value);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }

    // V1 filters travel as JSON-encoded strings.
    private static string V1Filter(string field, string op, IReadOnlyList<string>? values, string? text)
    {
        if (values is null && string.IsNullOrWhiteSpace(text))
        {
            return "{}";
        }

        return Filter(field, op, values is null ? (object)text! : values).GetRawText();
    }

    private static void WriteValue<T>(Utf8JsonWriter writer, T value)
    {
        switch (value)
        {
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case IEnumerable<string> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException("Unsupported filter value.", nameof(value));
        }
    }

    // Wix's refusals that the catalog does not interpret are the store being unusable, never a 500.
    private static async Task<T> GuardAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (WixApiException ex)
        {
            throw new CommerceBackendException($"Wix refused a catalog read ({ex.Status}{(ex.Code is null ? "" : " " + ex.Code)}).", ex);
        }
    }

    private const int MaxSlugLookups = 10;

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$")]
    private static partial Regex Slug();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
