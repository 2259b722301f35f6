using System.Text.Json.Nodes;
using WixUcp.FakeWix.Auth;
using WixUcp.FakeWix.Infrastructure;

namespace WixUcp.FakeWix.Catalog;

/// <summary>
/// Catalog version and Catalog V3 (products search/query/get/by slug, inventory items). V3 routes answer 428 on a V1
/// site, as Wix does. Hidden products are left out of search and query unless the filter names <c>visible</c>; Get
/// (by id or slug) returns them with <c>visible: false</c>, as an admin-scoped app sees them.
/// </summary>
internal static class CatalogV3Endpoints
{
    public static void Map(IEndpointRouteBuilder app, FakeWixState state)
    {
        app.MapGet("/stores/v3/provision/version", (HttpContext http) =>
            Wire.Json(new JsonObject { ["catalogVersion"] = AuthMiddleware.Caller(http).CatalogVersion }));

        app.MapPost("/stores/v3/products/search", (HttpContext http) => List(http, state, "search"));
        app.MapPost("/stores/v3/products/query", (HttpContext http) => List(http, state, "query"));
        app.MapGet("/stores/v3/products/slug/{slug}", (HttpContext http, string slug) => Get(http, state, p => p.Slug == slug, slug));
        app.MapGet("/stores/v3/products/{id}", (HttpContext http, string id) => Get(http, state, p => p.Id == id, id));
        app.MapPost("/stores/v3/inventory-items/query", (HttpContext http) => Inventory(http, state, "query"));
        app.MapPost("/stores/v3/inventory-items/search", (HttpContext http) => Inventory(http, state, "search"));
    }

    public static FakeWixInstance RequireV3(HttpContext http)
    {
        var site = AuthMiddleware.Caller(http);
        return site.IsV3
            ? site
            : throw WixErrors.Precondition("CATALOG_V1_SITE_CALLING_CATALOG_V3_API", $"This site's catalog is {site.CatalogVersion}; Catalog V3 APIs are not available");
    }

    private static HashSet<string> Fields(JsonObject body, HttpContext http)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in Wire.Arr(body, "fields") ?? [])
        {
            fields.Add(Wire.Str(field, "") ?? "");
        }

        foreach (var field in http.Request.Query["fields"])
        {
            fields.Add(field ?? "");
        }

        return fields;
    }

    private static IResult List(HttpContext http, FakeWixState state, string member)
    {
        var site = RequireV3(http);
        var body = Wire.ReadObject(http);
        var spec = Wire.Obj(body, member) ?? [];
        var filter = spec["filter"] switch
        {
            null => null,
            JsonObject o => o,
            _ => throw WixErrors.BadRequest(member + ".filter", "must be an object"),
        };
        var expression = member == "search" ? Wire.Str(spec, "search.expression") ?? Wire.Str(spec, "expression") : null;
        var terms = expression?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var fields = Fields(body, http);

        lock (state.Sync)
        {
            var all = site.Products
                .Where(p => NamesVisible(filter) || p.Visible)
                .Where(p => terms.All(t => p.Name.Contains(t, StringComparison.OrdinalIgnoreCase) || p.Description.Contains(t, StringComparison.OrdinalIgnoreCase)))
                .Select(p => CatalogJson.V3(site, p, new HashSet<string>(["CURRENCY", "URL", "PLAIN_DESCRIPTION"], StringComparer.Ordinal)))
                .Where(doc => Query.Matches(doc, filter))
                .ToList();
            var sorted = Query.Sort(all, Wire.Arr(spec, "sort"));
            var (page, metadata) = Query.CursorPage(sorted, Wire.Obj(spec, "cursorPaging"), member + ".cursorPaging");
            var products = page.Select(doc => CatalogJson.V3(site, site.Product(Wire.Str(doc, "id"))!, fields));
            return Wire.Json(new JsonObject
            {
                ["products"] = new JsonArray([.. products]),
                ["pagingMetadata"] = metadata,
            });
        }
    }

    private static bool NamesVisible(JsonObject? filter) =>
        filter is not null && filter.Any(p => p.Key == "visible" || (p.Value is JsonArray a && a.OfType<JsonObject>().Any(NamesVisible)) || (p.Key == "$not" && NamesVisible(p.Value as JsonObject)));

    private static IResult Get(HttpContext http, FakeWixState state, Func<FakeWixProduct, bool> match, string key)
    {
        var site = RequireV3(http);
        lock (state.Sync)
        {
            var product = site.Products.FirstOrDefault(match) ?? throw WixErrors.NotFound("PRODUCT_NOT_FOUND", $"Product {key} not found");
            return Wire.Json(new JsonObject { ["product"] = CatalogJson.V3(site, product, Fields([], http)) });
        }
    }

    private static IResult Inventory(HttpContext http, FakeWixState state, string member)
    {
        var site = RequireV3(http);
        var spec = Wire.Obj(Wire.ReadObject(http), member) ?? [];
        var filter = Wire.Obj(spec, "filter");
        lock (state.Sync)
        {
            var items = site.Products
                .SelectMany(p => p.Variants.Select(v => CatalogJson.V3Inventory(p, v)))
                .Where(doc => Query.Matches(doc, filter))
                .ToList();
            var (page, metadata) = Query.CursorPage(Query.Sort(items, Wire.Arr(spec, "sort")), Wire.Obj(spec, "cursorPaging"), member + ".cursorPaging", 1000);
            return Wire.Json(new JsonObject { ["inventoryItems"] = new JsonArray([.. page]), ["pagingMetadata"] = metadata });
        }
    }
}
