using System.Net;
using System.Text.Json.Nodes;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Mcp;

/// <summary>The MCP binding's transport behaviour, with raw JSON-RPC posts: framing, Accept variants, no initialize, errors.</summary>
public sealed class McpTransportTests(UcpFixture fixture) : IClassFixture<UcpFixture>
{
    private McpCaller Caller() => new(fixture.App.CreateClient(), fixture.Platform.ProfileUrl(FakePlatform.AllCapabilities));

    [Theory]
    [InlineData("application/json")]
    [InlineData(null)]
    [InlineData("application/json, text/event-stream")]
    [InlineData("text/event-stream")]
    [InlineData("*/*")]
    public async Task Tools_list_answers_plain_json_whatever_the_accept_header_and_without_initialize(string? accept)
    {
        var response = await Caller().SendAsync("tools/list", accept: accept);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.MediaType);
        var names = response.Result!["tools"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).Order().ToArray();
        Assert.Equal(
            ["cancel_cart", "cancel_checkout", "complete_checkout", "create_cart", "create_checkout", "get_cart", "get_checkout", "get_order", "get_product", "lookup_catalog", "search_catalog", "search_products", "update_cart", "update_checkout"],
            names);
    }

    [Fact]
    public async Task Initialize_then_calls_work_as_a_conventional_mcp_client_expects()
    {
        var caller = Caller();
        var initialize = await caller.SendAsync("initialize", new JsonObject
        {
            ["protocolVersion"] = "2025-06-18",
            ["capabilities"] = new JsonObject(),
            ["clientInfo"] = new JsonObject { ["name"] = "test", ["version"] = "1.0" },
        });
        Assert.Equal(HttpStatusCode.OK, initialize.Status);
        Assert.Equal("wixucp", initialize.Result!["serverInfo"]!["name"]!.GetValue<string>());
        Assert.NotNull(initialize.Result["capabilities"]!["tools"]);

        var initialized = await caller.PostAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        Assert.Equal(HttpStatusCode.Accepted, initialized.Status);

        var search = await caller.CallAsync("search_catalog", new JsonObject { ["catalog"] = new JsonObject { ["query"] = "tea" } });
        Assert.Equal(HttpStatusCode.OK, search.Status);
        Assert.NotEmpty(search.Document["products"]!.AsArray());
    }

    [Fact]
    public async Task Input_schemas_wrap_the_request_schemas_with_meta_id_and_payload()
    {
        var tools = (await Caller().SendAsync("tools/list")).Result!["tools"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!["inputSchema"]!);

        var complete = tools["complete_checkout"];
        Assert.Equal(["meta", "id", "checkout"], complete["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["ucp-agent", "idempotency-key"], complete["properties"]!["meta"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.NotNull(complete["properties"]!["checkout"]!["properties"]!["payment"]);
        Assert.Null(complete["properties"]!["checkout"]!["$schema"]);

        Assert.Equal(["ucp-agent"], tools["create_checkout"]["properties"]!["meta"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.NotNull(tools["create_checkout"]["properties"]!["checkout"]!["properties"]!["line_items"]);
        Assert.Equal(["meta", "id"], tools["get_order"]["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.NotNull(tools["search_catalog"]["properties"]!["catalog"]!["properties"]!["query"]);

        // Every local reference resolves inside the tool's own schema.
        foreach (var (name, schema) in tools)
        {
            foreach (var reference in References(schema))
            {
                Assert.True(Resolve(schema, reference) is not null, $"{name}: {reference} does not resolve");
            }
        }
    }

    [Fact]
    public async Task Malformed_envelopes_get_json_rpc_errors_with_http_400()
    {
        var caller = Caller();
        var notJson = await caller.PostAsync("{nope");
        Assert.Equal(HttpStatusCode.BadRequest, notJson.Status);
        Assert.Equal(-32700, notJson.Error!["code"]!.GetValue<int>());

        var batch = await caller.PostAsync("""[{"jsonrpc":"2.0","id":1,"method":"tools/list"}]""");
        Assert.Equal(HttpStatusCode.BadRequest, batch.Status);
        Assert.Equal(-32600, batch.Error!["code"]!.GetValue<int>());
        Assert.Equal("invalid_request", batch.Error["data"]!["code"]!.GetValue<string>());

        var noMethod = await caller.PostAsync("""{"jsonrpc":"2.0","id":7}""");
        Assert.Equal(7, noMethod.Json["id"]!.GetValue<int>());
        Assert.Equal(-32600, noMethod.Error!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unknown_tools_and_methods_get_the_sdks_json_rpc_errors_as_plain_json()
    {
        var caller = Caller();
        var tool = await caller.CallAsync("drop_tables", new());
        var method = await caller.SendAsync("resources/delete");

        Assert.Equal("application/json", tool.MediaType);
        Assert.Equal(-32602, tool.Error!["code"]!.GetValue<int>());
        Assert.Contains("drop_tables", tool.Error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(-32601, method.Error!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_body_over_the_request_limit_is_refused_before_the_sdk_reads_it()
    {
        var padding = new string(' ', 1024 * 1024);
        var response = await Caller().PostAsync("""{"jsonrpc":"2.0","id":1,"method":"tools/list" """ + padding + "}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal(-32602, response.Error!["code"]!.GetValue<int>());
        Assert.Equal("request_too_large", response.Error["data"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_is_not_served_and_answers_405_in_ucp_format()
    {
        var response = await fixture.App.CreateClient().GetAsync(new Uri(McpCaller.Path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Key == "$ref" ? [p.Value!.GetValue<string>()] : References(p.Value)),
        JsonArray array => array.SelectMany(References),
        _ => [],
    };

    private static JsonNode? Resolve(JsonNode root, string reference)
    {
        var node = root;
        foreach (var token in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node is JsonArray array ? array[int.Parse(name, System.Globalization.CultureInfo.InvariantCulture)] : node?[name];
        }

        return node;
    }
}
