using System.Text.Json.Nodes;
using WixUcp.FakeWix.Auth;
using WixUcp.FakeWix.Infrastructure;

namespace WixUcp.FakeWix.Catalog;

/// <summary>
/// Catalog V1: products query (filter and sort as JSON-encoded strings, offset paging), get product, and the V2
/// inventory query. The fake answers 428 when a V3 site calls these (its choice; Wix documents 428 only for V3 on V1).
/// </summary>
internal static class CatalogV1Endpoints
{
    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.Ordinal)
    {
        ["sku"] = ["sku", "variants.variant.sku"],
        ["price"] = ["priceData.price"],
    };

    public static void Map(IEndpointRouteBuilder app, FakeWixState state)
    {
        app.MapPost("/stores/v1/products/query", (HttpContext http) => QueryProducts(http, state));
        app.MapPost("/stores-reader/v1/products/query", (HttpContext http) => QueryProducts(http, state));
        app.MapGet("/stores/v1/products/{id}", (HttpContext http, string id) => GetProduct(http, state, id));
        app.MapGet("/stores-reader/v1/products/{id}", (HttpContext http, string id) => GetProduct(http, state, id));
        app.MapPost("/stores/v2/inventoryItems/query", (HttpContext http) => QueryInventory(http, state));
    }

    private static FakeWixInstance RequireV1(HttpContext http)
    {
        var site = AuthMiddleware.Caller(http);
        return site.CatalogVersion == "V1_CATALOG"
            ? site
            : throw WixErrors.Precondition("CATALOG_V3_SITE_CALLING_CATALOG_V1_API", $"This site's catalog is {site.CatalogVersion}; Catalog V1 APIs are not available");
    }

    private static (JsonObject? Filter, JsonArray? Sort, int Limit, int Offset) ReadQuery(JsonObject body)
    {
        var query = Wire.Obj(body, "query") ?? [];
        var filter = Query.ParseEncoded(query["filter"], "query.filter");
        var sort = Query.ParseEncoded(query["sort"], "query.sort");
        var limit = Wire.Int(query, "paging.limit", "query.paging.limit") ?? 100;
        var offset = Wire.Int(query, "paging.offset", "query.paging.offset") ?? 0;
        if (limit is < 1 or > 100)
        {
            throw WixErrors.BadRequest("query.paging.limit", "must be between 1 and 100");
        }

        if (offset < 0)
        {
            throw WixErrors.BadRequest("query.paging.offset", "must not be negative");
        }

        return (filter as JsonObject ?? (filter is null ? null : throw WixErrors.BadRequest("query.filter", "must encode an object")),
            sort as JsonArray ?? (sort is null ? null : throw WixErrors.BadRequest("query.sort", "must encode an array")),
            limit, offset);
    }

    private static IResult QueryProducts(HttpContext http, FakeWixState state)
    {
        var site = RequireV1(http);
        var body = Wire.ReadObject(http);
        var (filter, sort, limit, offset) = ReadQuery(body);
        var includeVariants = Wire.Bool(body, "includeVariants") ?? false;
        var includeHidden = Wire.Bool(body, "includeHiddenProducts") ?? false;
        lock (state.Sync)
        {
            var matching = site.Products
                .Where(p => includeHidden || p.Visible)
                .Select(p => CatalogJson.V1(site, p, includeVariants: true))
                .Where(doc => Query.Matches(doc, filter, Aliases))
                .ToList();
            var page = Query.Sort(matching, sort).Skip(offset).Take(limit)
                .Select(doc => CatalogJson.V1(site, site.Product(Wire.Str(doc, "id"))!, includeVariants))
                .ToList();
            return Wire.Json(new JsonObject
            {
                ["products"] = new JsonArray([.. page]),
                ["metadata"] = new JsonObject { ["items"] = page.Count, ["offset"] = offset },
                ["totalResults"] = matching.Count,
            });
        }
    }

    private static IResult GetProduct(HttpContext http, FakeWixState state, string id)
    {
        var site = RequireV1(http);
        lock (state.Sync)
        {
            var product = site.Product(id) ?? throw WixErrors.NotFound("PRODUCT_NOT_FOUND", $"Product {id} not found");
            return Wire.Json(new JsonObject { ["product"] = CatalogJson.V1(site, product, includeVariants: true) });
        }
    }

    private static IResult QueryInventory(HttpContext http, FakeWixState state)
    {
        var site = RequireV1(http);
        var (filter, sort, limit, offset) = ReadQuery(Wire.ReadObject(http));
        lock (state.Sync)
        {
            var matching = site.Products.Select(p => CatalogJson.V1Inventory(site, p)).Where(doc => Query.Matches(doc, filter)).ToList();
            var page = Query.Sort(matching, sort).Skip(offset).Take(limit).ToList();
            return Wire.Json(new JsonObject
            {
                ["inventoryItems"] = new JsonArray([.. page]),
                ["metadata"] = new JsonObject { ["items"] = page.Count, ["offset"] = offset },
                ["totalResults"] = matching.Count,
            });
        }
    }
}
