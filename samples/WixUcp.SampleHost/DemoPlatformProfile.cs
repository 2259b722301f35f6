namespace WixUcp.SampleHost;

/// <summary>
/// A platform profile for trying the server with curl: UCP-Agent: profile="http://localhost:5080/demo/platform-profile".
/// It declares every capability the sample offers. Real platforms host their own profile.
/// </summary>
internal static class DemoPlatformProfile
{
    private const string Spec = "https://ucp.dev/2026-04-08/specification/";
    private const string Schema = "https://ucp.dev/2026-04-08/schemas/shopping/";

    public static IEndpointRouteBuilder MapDemoPlatformProfile(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/demo/platform-profile", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=60";
            return Results.Text(Document, "application/json");
        });
        return endpoints;
    }

    private static string Capability(string name, string page, string schema, string? extends = null) =>
        $$"""
        "{{name}}": [{"version": "2026-04-08", "spec": "{{Spec}}{{page}}", "schema": "{{Schema}}{{schema}}"{{(extends is null ? "" : $", \"extends\": \"{extends}\"")}}}]
        """;

    private static readonly string Document = $$"""
        {
          "ucp": {
            "version": "2026-04-08",
            "services": {
              "dev.ucp.shopping": [{"version": "2026-04-08", "transport": "rest", "spec": "{{Spec}}overview", "schema": "https://ucp.dev/2026-04-08/services/shopping/rest.openapi.json"}]
            },
            "capabilities": {
              {{Capability("dev.ucp.shopping.checkout", "checkout", "checkout.json")}},
              {{Capability("dev.ucp.shopping.fulfillment", "fulfillment", "fulfillment.json", "dev.ucp.shopping.checkout")}},
              {{Capability("dev.ucp.shopping.discount", "discount", "discount.json", "dev.ucp.shopping.checkout")}},
              {{Capability("dev.ucp.shopping.buyer_consent", "buyer-consent", "buyer_consent.json", "dev.ucp.shopping.checkout")}},
              {{Capability("dev.ucp.shopping.order", "order", "order.json")}},
              {{Capability("dev.ucp.shopping.catalog.search", "catalog", "catalog_search.json")}},
              {{Capability("dev.ucp.shopping.catalog.lookup", "catalog", "catalog_lookup.json")}}
            },
            "payment_handlers": {}
          }
        }
        """;
}
