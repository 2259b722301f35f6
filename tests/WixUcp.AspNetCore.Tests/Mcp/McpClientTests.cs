using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using WixUcp.AspNetCore.Tests.Authentication;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Mcp;

/// <summary>The official MCP C# client (Streamable HTTP, initialize handshake, SSE-capable) drives every tool, with credentials.</summary>
public sealed class McpClientTests(AuthenticatedUcpFixture fixture) : IClassFixture<AuthenticatedUcpFixture>
{
    private async Task<McpClient> ConnectAsync(string? apiKey)
    {
        var http = fixture.App.CreateClient();
        var options = new HttpClientTransportOptions { Endpoint = new Uri(http.BaseAddress!, McpCaller.Path), TransportMode = HttpTransportMode.StreamableHttp };
        if (apiKey is not null)
        {
            options.AdditionalHeaders = new Dictionary<string, string> { ["X-API-Key"] = apiKey };
        }

        return await McpClient.CreateAsync(new HttpClientTransport(options, http, ownsHttpClient: true), cancellationToken: TestContext.Current.CancellationToken);
    }

    private Dictionary<string, object?> Arguments(string? idempotencyKey = null, params (string Name, object? Value)[] rest)
    {
        var meta = new Dictionary<string, object?> { ["ucp-agent"] = new Dictionary<string, object?> { ["profile"] = fixture.Platform.ProfileUrl(FakePlatform.AllCapabilities).AbsoluteUri } };
        if (idempotencyKey is not null)
        {
            meta["idempotency-key"] = idempotencyKey;
        }

        var arguments = new Dictionary<string, object?> { ["meta"] = meta };
        foreach (var (name, value) in rest)
        {
            arguments[name] = value;
        }

        return arguments;
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static async Task<JsonNode> CallAsync(McpClient client, string tool, Dictionary<string, object?> arguments, string restPath)
    {
        var result = await client.CallToolAsync(tool, arguments, cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotEqual(true, result.IsError);
        var document = JsonNode.Parse(result.StructuredContent!.Value.GetRawText())!;
        UcpClient.ValidateDocument(restPath, document);
        return document;
    }

    [Fact]
    public async Task The_mcp_client_lists_the_tools_and_runs_a_checkout_and_the_catalog()
    {
        var key = await fixture.IssueAsync(["checkout:read", "checkout:write", "products:read", "orders:read"]);
        await using var client = await ConnectAsync(key);
        Assert.Equal("wixucp", client.ServerInfo?.Name);

        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(14, tools.Count);

        var search = await CallAsync(client, "search_catalog", Arguments(rest: ("catalog", Json("""{"query":"tea"}"""))), "/ucp/catalog/search");
        var productId = search["products"]![0]!["id"]!.GetValue<string>();
        await CallAsync(client, "lookup_catalog", Arguments(rest: ("catalog", Json($$"""{"ids":["{{productId}}"]}"""))), "/ucp/catalog/lookup");
        await CallAsync(client, "get_product", Arguments(rest: ("catalog", Json($$"""{"id":"{{productId}}"}"""))), "/ucp/catalog/product");

        var created = await CallAsync(client, "create_checkout", Arguments(Guid.NewGuid().ToString(), ("checkout", Json(Checkouts.Create()))), "/ucp/checkout-sessions");
        var id = created["id"]!.GetValue<string>();
        await CallAsync(client, "get_checkout", Arguments(rest: ("id", id)), "/ucp/checkout-sessions/x");
        var withAddress = await CallAsync(client, "update_checkout", Arguments(Guid.NewGuid().ToString(), ("id", id),
            ("checkout", Json(Checkouts.Update(created, """{"fulfillment":{"methods":[{"type":"shipping","selected_destination_id":"addr_ada_work"}]}}""")))), "/ucp/checkout-sessions/x");
        await CallAsync(client, "update_checkout", Arguments(Guid.NewGuid().ToString(), ("id", id),
            ("checkout", Json(Checkouts.Update(withAddress, """{"fulfillment":{"methods":[{"type":"shipping","groups":[{"id":"fg_1","selected_option_id":"ship-standard"}]}]}}""")))), "/ucp/checkout-sessions/x");
        var completed = await CallAsync(client, "complete_checkout", Arguments(Guid.NewGuid().ToString(), ("id", id), ("checkout", Json(Checkouts.Complete()))), "/ucp/checkout-sessions/x");
        Assert.Equal("completed", completed["status"]!.GetValue<string>());
        await CallAsync(client, "get_order", Arguments(rest: ("id", completed["order"]!["id"]!.GetValue<string>())), "/ucp/orders/x");

        var other = await CallAsync(client, "create_checkout", Arguments(Guid.NewGuid().ToString(), ("checkout", Json(Checkouts.Create()))), "/ucp/checkout-sessions");
        var canceled = await CallAsync(client, "cancel_checkout", Arguments(Guid.NewGuid().ToString(), ("id", other["id"]!.GetValue<string>())), "/ucp/checkout-sessions/x");
        Assert.Equal("canceled", canceled["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_key_without_the_tools_permission_gets_403_with_a_forbidden_json_rpc_error()
    {
        var key = await fixture.IssueAsync(["products:read"]);
        await using var client = await ConnectAsync(key);

        // UCP sends the REST status with the JSON-RPC error; this client surfaces a non-2xx answer as an HTTP failure
        // carrying the error body.
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() =>
            client.CallToolAsync("create_checkout", Arguments(Guid.NewGuid().ToString(), ("checkout", Json(Checkouts.Create()))), cancellationToken: TestContext.Current.CancellationToken).AsTask());
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("\"code\":-32000", refused.Message, StringComparison.Ordinal);
        Assert.Contains("checkout:write", refused.Message, StringComparison.Ordinal);

        var allowed = await client.CallToolAsync("search_catalog", Arguments(rest: ("catalog", Json("""{"query":"tea"}"""))), cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotEqual(true, allowed.IsError);
    }

    [Fact]
    public async Task Without_credentials_the_endpoint_answers_401_as_a_json_rpc_error()
    {
        var caller = new McpCaller(fixture.App.CreateClient(), fixture.Platform.ProfileUrl(FakePlatform.AllCapabilities));

        var anonymous = await caller.SendAsync("tools/list");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Contains("ApiKey realm=\"ucp\"", anonymous.Headers["WWW-Authenticate"], StringComparison.Ordinal);
        Assert.Equal(-32000, anonymous.Error!["code"]!.GetValue<int>());
        Assert.Equal("unauthorized", anonymous.Error["data"]!["code"]!.GetValue<string>());

        caller.Headers["X-API-Key"] = "ucp_wrong_key_0123456789";
        var wrong = await caller.CallAsync("search_catalog", new() { ["catalog"] = new JsonObject { ["query"] = "tea" } });
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(-32000, wrong.Error!["code"]!.GetValue<int>());

        caller.Headers["X-API-Key"] = await fixture.IssueAsync(["products:read"]);
        var admitted = await caller.CallAsync("search_catalog", new() { ["catalog"] = new JsonObject { ["query"] = "tea" } });
        Assert.Equal(System.Net.HttpStatusCode.OK, admitted.Status);
    }

    [Fact]
    public async Task A_key_may_only_present_its_own_profiles_over_mcp_too()
    {
        var key = await fixture.IssueAsync(["products:read"], profile: FakePlatform.AllCapabilities);
        var caller = new McpCaller(fixture.App.CreateClient(), fixture.Platform.ProfileUrl("other-platform"));
        caller.Headers["X-API-Key"] = key;

        var response = await caller.CallAsync("search_catalog", new() { ["catalog"] = new JsonObject { ["query"] = "tea" } });

        Assert.NotNull(response.Error);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.Status);
    }
}
