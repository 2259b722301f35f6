using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using WixUcp.AspNetCore.Tests.Schemas;

namespace WixUcp.AspNetCore.Tests.Infrastructure;

/// <summary>Speaks the REST binding as a platform would: UCP-Agent on every call, an Idempotency-Key on every state change.</summary>
public sealed class UcpClient(HttpClient http, string agent)
{
    public HttpClient Http => http;

    public string Agent => agent;

    public Task<UcpResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, body: null, idempotencyKey: null);

    public Task<UcpResponse> PostAsync(string path, string? body, string? idempotencyKey = "") =>
        SendAsync(HttpMethod.Post, path, body, idempotencyKey == "" ? Guid.NewGuid().ToString() : idempotencyKey);

    public Task<UcpResponse> PutAsync(string path, string body, string? idempotencyKey = "") =>
        SendAsync(HttpMethod.Put, path, body, idempotencyKey == "" ? Guid.NewGuid().ToString() : idempotencyKey);

    public async Task<UcpResponse> SendAsync(HttpMethod method, string path, string? body, string? idempotencyKey, string contentType = "application/json", string? agentOverride = null)
    {
        using var request = new HttpRequestMessage(method, path);
        var agentValue = agentOverride ?? agent;
        if (agentValue.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("UCP-Agent", agentValue);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        request.Headers.Add("Request-Id", Guid.NewGuid().ToString());
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var result = new UcpResponse(response.StatusCode, bytes, response);
        if (result.Status is HttpStatusCode.OK or HttpStatusCode.Created)
        {
            ValidateDocument(path, result.Json);
        }

        return result;
    }

    /// <summary>
    /// Every UCP document the server answers (200/201 over REST, every tool result over MCP) is checked against the
    /// official schemas of the version it declares (<c>ucp.version</c>), by the REST path it belongs to.
    /// </summary>
    public static void ValidateDocument(string path, JsonNode document)
    {
        var version = document["ucp"]?["version"]?.GetValue<string>() ?? "2026-04-08";
        if (document["ucp"]?["status"]?.GetValue<string>() == "error")
        {
            SchemaAssert.ValidIn(version, document, UcpDocumentKind.ErrorResponse);
            return;
        }

        var route = path.Split('?')[0];
        if (route.StartsWith("/.well-known/ucp", StringComparison.Ordinal))
        {
            SchemaAssert.ValidIn(version, document, UcpDocumentKind.BusinessProfile);
        }
        else if (route.StartsWith("/ucp/checkout-sessions", StringComparison.Ordinal))
        {
            // The extensions to compose are the ones the response says are active.
            var active = document["ucp"]?["capabilities"]?.AsObject().Select(c => c.Key)
                .Where(UcpSchemas.SupportedCheckoutExtensions.Contains).ToArray() ?? [];
            SchemaAssert.ValidIn(version, document, UcpDocumentKind.CheckoutResponse, active);
        }
        else if (route.StartsWith("/ucp/carts", StringComparison.Ordinal))
        {
            var discount = document["ucp"]?["capabilities"]?["dev.ucp.shopping.discount"] is not null;
            SchemaAssert.ValidIn(version, document, UcpDocumentKind.CartResponse, discount ? ["dev.ucp.shopping.discount"] : []);
        }
        else if (route.StartsWith("/ucp/orders/", StringComparison.Ordinal))
        {
            SchemaAssert.ValidIn(version, document, UcpDocumentKind.OrderResponse);
        }
        else if (route == "/ucp/catalog/search")
        {
            SchemaAssert.ValidIn(version, document, UcpDocumentKind.CatalogSearchResponse);
        }
        else if (route == "/ucp/catalog/lookup")
        {
            SchemaAssert.ValidIn(version, document, UcpDocumentKind.CatalogLookupResponse);
        }
        else if (route == "/ucp/catalog/product")
        {
            SchemaAssert.ValidIn(version, document, UcpDocumentKind.CatalogGetProductResponse);
        }
    }

    public static string Body(JsonNode node) => node.ToJsonString();
}
