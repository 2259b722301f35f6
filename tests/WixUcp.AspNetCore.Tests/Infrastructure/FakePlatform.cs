using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WixUcp.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on loopback that plays the platform side: it serves platform profiles (good, partial, broken)
/// that the server under test fetches over the network, exactly as it would fetch a real platform's.
/// </summary>
public sealed class FakePlatform : IAsyncLifetime
{
    public const string AllCapabilities = "full";
    private WebApplication? _app;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>How many times each profile path was fetched.</summary>
    public Dictionary<string, int> Fetches { get; } = new(StringComparer.Ordinal);

    /// <summary>Where profiles named <c>webhooks-{scenario}</c> point their order capability's <c>webhook_url</c>: <c>{base}webhooks/{scenario}/orders</c>.</summary>
    public Uri? OrderWebhookBase { get; set; }

    /// <summary>The X-Request-ID each profile fetch carried, by profile name.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(string Profile, string? RequestId)> FetchRequestIds { get; } = new();

    /// <summary>The UCP-Agent header value naming one of the served profiles.</summary>
    public string Agent(string profile = AllCapabilities) => $"profile=\"{ProfileUrl(profile)}\"";

    public Uri ProfileUrl(string profile) => new(BaseUrl, "profiles/" + profile);

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/profiles/{name}", (string name, HttpContext http) =>
        {
            lock (Fetches)
            {
                Fetches[name] = Fetches.GetValueOrDefault(name) + 1;
            }

            FetchRequestIds.Enqueue((name, http.Request.Headers["X-Request-ID"].FirstOrDefault()));

            return name switch
            {
                _ when name.StartsWith("august-webhooks-", StringComparison.Ordinal) && OrderWebhookBase is { } augustHooks =>
                    Json(Profile(AllNames, version: "2026-08-25", orderWebhookUrl: new Uri(augustHooks, $"webhooks/{name["august-webhooks-".Length..]}/orders"))),
                _ when name.StartsWith("webhooks-", StringComparison.Ordinal) && OrderWebhookBase is { } hooks =>
                    Json(Profile(AllNames, orderWebhookUrl: new Uri(hooks, $"webhooks/{name["webhooks-".Length..]}/orders"))),
                "full" => Json(Profile(AllNames)),
                "no-fulfillment" => Json(Profile(AllNames.Where(n => n != "dev.ucp.shopping.fulfillment"))),
                "no-discount" => Json(Profile(AllNames.Where(n => n != "dev.ucp.shopping.discount"))),
                "checkout-only" => Json(Profile(["dev.ucp.shopping.checkout", "dev.ucp.shopping.fulfillment"])),
                "extensions-only" => Json(Profile(["dev.ucp.shopping.fulfillment", "dev.ucp.shopping.discount"])),
                "other-platform" => Json(Profile(AllNames)),
                "old-version" => Json(Profile(AllNames, version: "2026-05-01")),
                "pre-january" => Json(Profile(AllNames, version: "2025-12-01")),
                "january" => Json(Profile(JanuaryNames, version: "2026-01-11")),
                "january-23" => Json(Profile(JanuaryNames, version: "2026-01-23")),
                _ when name.StartsWith("january-webhooks-", StringComparison.Ordinal) && OrderWebhookBase is { } januaryHooks =>
                    Json(Profile(JanuaryNames, version: "2026-01-11", orderWebhookUrl: new Uri(januaryHooks, $"webhooks/{name["january-webhooks-".Length..]}/orders"))),
                "august" => Json(Profile(AllNames, version: "2026-08-25")),
                "not-json" => Results.Text("<html>hello</html>", "text/html"),
                "no-services" => Json("""{"ucp":{"version":"2026-04-08","payment_handlers":{}}}"""),
                "no-payment-handlers" => Json(Profile(AllNames, paymentHandlers: false)),
                "order-only" => Json(Profile(["dev.ucp.shopping.order"])),
                "search-only" => Json(Profile(["dev.ucp.shopping.catalog.search"])),
                "server-error" or "server-error-cached" => Results.StatusCode(500),
                "redirect" => Results.Redirect("/profiles/full"),
                "slow" => Slow(http),
                "signed" => Json(WithKeys(Profile(AllNames), "signing_keys", SigningKeyId, SigningKey)),
                "signed-keys" => Json(WithKeys(Profile(AllNames), "keys", SigningKeyId, SigningKey)),
                "rotating" => Json(WithKeys(Profile(AllNames), "signing_keys", RotatingKeyId, RotatingKey)),
                _ => Results.NotFound(),
            };
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    // January has no catalog.
    private static readonly string[] JanuaryNames =
    [
        "dev.ucp.shopping.checkout", "dev.ucp.shopping.fulfillment", "dev.ucp.shopping.discount", "dev.ucp.shopping.buyer_consent", "dev.ucp.shopping.order",
    ];

    private static readonly string[] AllNames =
    [
        "dev.ucp.shopping.checkout", "dev.ucp.shopping.fulfillment", "dev.ucp.shopping.discount", "dev.ucp.shopping.buyer_consent",
        "dev.ucp.shopping.order", "dev.ucp.shopping.catalog.search", "dev.ucp.shopping.catalog.lookup",
    ];

    /// <summary>The platform's P-256 request-signing key, published in its <c>signed</c> profiles as <see cref="SigningKeyId"/>.</summary>
    public ECDsa SigningKey { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public const string SigningKeyId = "platform-2026";

    /// <summary>The key the <c>rotating</c> profile publishes now; tests replace it to rotate.</summary>
    public ECDsa RotatingKey { get; set; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string RotatingKeyId { get; set; } = "rotating-1";

    private static string WithKeys(string profile, string member, string keyId, ECDsa key)
    {
        var point = key.ExportParameters(false).Q;
        var document = JsonNode.Parse(profile)!.AsObject();
        document[member] = new JsonArray(new JsonObject
        {
            ["kid"] = keyId,
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["alg"] = "ES256",
            ["x"] = Base64Url.EncodeToString(point.X),
            ["y"] = Base64Url.EncodeToString(point.Y),
        });
        return document.ToJsonString();
    }

    private static IResult Json(string body) => Results.Text(body, "application/json");

    private static IResult Slow(HttpContext http)
    {
        // Longer than the server's configured fetch timeout in these tests.
        Thread.Sleep(TimeSpan.FromSeconds(3));
        return Json(Profile(AllNames));
    }

    private static string Profile(IEnumerable<string> capabilities, string version = "2026-04-08", bool paymentHandlers = true, Uri? orderWebhookUrl = null)
    {
        var entries = capabilities.Select(name =>
        {
            var extends = name is "dev.ucp.shopping.fulfillment" or "dev.ucp.shopping.discount" or "dev.ucp.shopping.buyer_consent"
                ? ", \"extends\": \"dev.ucp.shopping.checkout\""
                : "";
            var config = name == "dev.ucp.shopping.order" && orderWebhookUrl is not null ? $", \"config\": {{\"webhook_url\": \"{orderWebhookUrl.AbsoluteUri}\"}}" : "";
            return $"\"{name}\": [{{\"version\": \"{version}\", \"spec\": \"https://ucp.dev/{version}/specification/x\", \"schema\": \"https://ucp.dev/{version}/schemas/shopping/x.json\"{extends}{config}}}]";
        });
        return $$"""
            {"ucp": {"version": "{{version}}",
              "services": {"dev.ucp.shopping": [{"version": "{{version}}", "transport": "rest", "spec": "https://ucp.dev/{{version}}/specification/overview", "schema": "https://ucp.dev/{{version}}/services/shopping/rest.openapi.json"}]},
              "capabilities": { {{string.Join(", ", entries)}} }{{(paymentHandlers ? ", \"payment_handlers\": {}" : "")}}
              }
            }
            """;
    }
}
