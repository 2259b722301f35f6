using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Mcp;

/// <summary>Every UCP tool through raw JSON-RPC posts, each result's <c>structuredContent</c> checked against the official schemas.</summary>
public sealed partial class McpToolTests(UcpFixture fixture) : IClassFixture<UcpFixture>
{
    private McpCaller Caller() => new(fixture.App.CreateClient(), fixture.Platform.ProfileUrl(FakePlatform.AllCapabilities));

    /// <summary>Calls a tool, expects a result, and validates its document as the REST answer at <paramref name="restPath"/> is validated.</summary>
    private static async Task<JsonNode> ResultAsync(McpCaller caller, string tool, JsonObject arguments, string restPath)
    {
        var response = await caller.CallAsync(tool, arguments);
        Assert.True(response.Status == HttpStatusCode.OK && response.Result is not null, $"{tool}: {(int)response.Status} {response.Text}");
        Assert.NotEqual(true, response.Result!["isError"]?.GetValue<bool>());
        var document = response.Document;
        UcpClient.ValidateDocument(restPath, document);
        return document;
    }

    [Fact]
    public async Task A_checkout_runs_from_create_to_order_through_the_tools()
    {
        var caller = Caller();
        var created = await ResultAsync(caller, "create_checkout", new() { ["checkout"] = JsonNode.Parse(Checkouts.Create("tea_sencha", 2)) }, "/ucp/checkout-sessions");
        var id = created["id"]!.GetValue<string>();
        Assert.Equal("incomplete", created["status"]!.GetValue<string>());

        var fetched = await ResultAsync(caller, "get_checkout", new() { ["id"] = id }, "/ucp/checkout-sessions/x");
        Assert.True(JsonNode.DeepEquals(created["line_items"], fetched["line_items"]));

        var withAddress = await ResultAsync(caller, "update_checkout", new()
        {
            ["id"] = id,
            ["checkout"] = JsonNode.Parse(Checkouts.Update(created, """{"fulfillment":{"methods":[{"type":"shipping","selected_destination_id":"addr_ada_work"}]}}""")),
        }, "/ucp/checkout-sessions/x");
        var ready = await ResultAsync(caller, "update_checkout", new()
        {
            ["id"] = id,
            ["checkout"] = JsonNode.Parse(Checkouts.Update(withAddress, """{"fulfillment":{"methods":[{"type":"shipping","groups":[{"id":"fg_1","selected_option_id":"ship-standard"}]}]}}""")),
        }, "/ucp/checkout-sessions/x");
        Assert.Equal("ready_for_complete", ready["status"]!.GetValue<string>());

        var completed = await ResultAsync(caller, "complete_checkout", new() { ["id"] = id, ["checkout"] = JsonNode.Parse(Checkouts.Complete()) }, "/ucp/checkout-sessions/x");
        Assert.Equal("completed", completed["status"]!.GetValue<string>());
        Assert.DoesNotContain("success_token", completed.ToJsonString(), StringComparison.Ordinal);

        var order = await ResultAsync(caller, "get_order", new() { ["id"] = completed["order"]!["id"]!.GetValue<string>() }, "/ucp/orders/x");
        Assert.Equal(id, order["checkout_id"]!.GetValue<string>());
        Assert.Equal(Checkouts.TotalOf(ready, "total"), Checkouts.TotalOf(order, "total"));
    }

    [Fact]
    public async Task Cancel_needs_an_idempotency_key_and_then_cancels()
    {
        var caller = Caller();
        var created = await ResultAsync(caller, "create_checkout", new() { ["checkout"] = JsonNode.Parse(Checkouts.Create()) }, "/ucp/checkout-sessions");
        var id = created["id"]!.GetValue<string>();

        var keyless = await caller.CallAsync("cancel_checkout", new() { ["id"] = id, ["meta"] = caller.Meta(idempotencyKey: null) });
        Assert.Equal(HttpStatusCode.BadRequest, keyless.Status);
        Assert.Equal(-32602, keyless.Error!["code"]!.GetValue<int>());
        Assert.Equal("idempotency_key_required", keyless.Error["data"]!["code"]!.GetValue<string>());

        var canceled = await ResultAsync(caller, "cancel_checkout", new() { ["id"] = id }, "/ucp/checkout-sessions/x");
        Assert.Equal("canceled", canceled["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Catalog_tools_answer_search_lookup_and_product_documents()
    {
        var caller = Caller();
        var search = await ResultAsync(caller, "search_catalog", new() { ["catalog"] = new JsonObject { ["query"] = "tea" } }, "/ucp/catalog/search");
        var product = search["products"]![0]!;
        var productId = product["id"]!.GetValue<string>();

        var alias = await ResultAsync(caller, "search_products", new() { ["catalog"] = new JsonObject { ["query"] = "tea" } }, "/ucp/catalog/search");
        Assert.True(JsonNode.DeepEquals(search, alias));

        var lookup = await ResultAsync(caller, "lookup_catalog", new() { ["catalog"] = new JsonObject { ["ids"] = new JsonArray(productId) } }, "/ucp/catalog/lookup");
        Assert.Equal(productId, lookup["products"]![0]!["id"]!.GetValue<string>());

        var detail = await ResultAsync(caller, "get_product", new() { ["catalog"] = new JsonObject { ["id"] = productId } }, "/ucp/catalog/product");
        Assert.Equal(productId, detail["product"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Business_outcomes_are_results_and_protocol_errors_are_json_rpc_errors_with_the_rest_status()
    {
        var caller = Caller();

        // An unknown product is a business outcome: a result holding an error_response.
        var unknown = await caller.CallAsync("get_product", new() { ["catalog"] = new JsonObject { ["id"] = "no_such_product" } });
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        UcpClient.ValidateDocument("/ucp/catalog/product", unknown.Document);
        Assert.Equal("error", unknown.Document["ucp"]!["status"]!.GetValue<string>());

        // An invalid document: -32602 with UCP's code and path, HTTP 400.
        var invalid = await caller.CallAsync("create_checkout", new() { ["checkout"] = JsonNode.Parse("""{"line_items":[{"item":{"id":"tea_sencha"},"quantity":0}]}""") });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal(-32602, invalid.Error!["code"]!.GetValue<int>());
        Assert.Equal("invalid_request", invalid.Error["data"]!["code"]!.GetValue<string>());
        Assert.Equal("$.line_items[0].quantity", invalid.Error["data"]!["path"]!.GetValue<string>());

        // A profile that cannot be fetched: -32001, HTTP 424.
        var unreachable = new McpCaller(fixture.App.CreateClient(), new Uri(fixture.Platform.BaseUrl, "profiles/missing"));
        var refused = await unreachable.CallAsync("search_catalog", new() { ["catalog"] = new JsonObject { ["query"] = "tea" } });
        Assert.Equal(HttpStatusCode.FailedDependency, refused.Status);
        Assert.Equal(-32001, refused.Error!["code"]!.GetValue<int>());
        Assert.Equal("profile_unreachable", refused.Error["data"]!["code"]!.GetValue<string>());

        // No profile at all (no meta, no UCP-Agent header): -32001, HTTP 400.
        var anonymous = await caller.CallAsync("search_catalog", new() { ["catalog"] = new JsonObject { ["query"] = "tea" }, ["meta"] = new JsonObject() });
        Assert.Equal(HttpStatusCode.BadRequest, anonymous.Status);
        Assert.Equal("invalid_profile_url", anonymous.Error!["data"]!["code"]!.GetValue<string>());

        // Missing arguments: -32602 before anything runs.
        var noId = await caller.CallAsync("get_checkout", new());
        Assert.Equal(-32602, noId.Error!["code"]!.GetValue<int>());
        var noPayload = await caller.CallAsync("create_checkout", new() { ["checkout"] = "a string" });
        Assert.Equal(-32602, noPayload.Error!["code"]!.GetValue<int>());

        // Unknown checkouts and orders are business outcomes, as over REST.
        foreach (var (tool, path) in new[] { ("get_checkout", "/ucp/checkout-sessions/x"), ("get_order", "/ucp/orders/x") })
        {
            var gone = await caller.CallAsync(tool, new() { ["id"] = "missing_1" });
            Assert.Equal(HttpStatusCode.OK, gone.Status);
            UcpClient.ValidateDocument(path, gone.Document);
            Assert.Equal("error", gone.Document["ucp"]!["status"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Retries_compare_the_tool_arguments_not_the_json_rpc_envelope()
    {
        var caller = Caller();
        var key = Guid.NewGuid().ToString();
        var arguments = $$$"""{"checkout":{{{Checkouts.Create()}}},"meta":{"ucp-agent":{"profile":"{{{caller.Profile.AbsoluteUri}}}"},"idempotency-key":"{{{key}}}"}}""";

        // The same arguments under two JSON-RPC ids: one checkout, the replay marked.
        var first = await caller.PostAsync($$$"""{"jsonrpc":"2.0","id":"a-1","method":"tools/call","params":{"name":"create_checkout","arguments":{{{arguments}}}}}""");
        var retry = await caller.PostAsync($$$"""{"jsonrpc":"2.0","id":"a-2","method":"tools/call","params":{"name":"create_checkout","arguments":{{{arguments}}}}}""");
        Assert.Equal("a-2", retry.Json["id"]!.GetValue<string>());
        Assert.Equal(first.Document["id"]!.GetValue<string>(), retry.Document["id"]!.GetValue<string>());
        Assert.Equal(first.Result!["content"]![0]!["text"]!.GetValue<string>(), retry.Result!["content"]![0]!["text"]!.GetValue<string>());
        Assert.True(retry.Result["_meta"]!["idempotent-replayed"]!.GetValue<bool>());
        Assert.Null(first.Result["_meta"]);

        // The same key with other arguments: -32000, HTTP 409, nothing runs.
        var changed = await caller.CallAsync("create_checkout", new() { ["checkout"] = JsonNode.Parse(Checkouts.Create("tea_assam", 1)), ["meta"] = caller.Meta(key) });
        Assert.Equal(HttpStatusCode.Conflict, changed.Status);
        Assert.Equal(-32000, changed.Error!["code"]!.GetValue<int>());
        Assert.Equal("idempotency_key_reused", changed.Error["data"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_checkout_over_rest_and_mcp_yields_the_same_documents()
    {
        var rest = fixture.Client();
        var mcp = Caller();

        var viaRest = new List<JsonNode>();
        var created = (await Checkouts.CreateAsync(rest, Checkouts.Create("tea_assam", 3))).Json;
        var restId = created["id"]!.GetValue<string>();
        viaRest.Add(created);
        var update = Checkouts.Update(created, """{"fulfillment":{"methods":[{"type":"shipping","selected_destination_id":"addr_ada_work"}]},"discounts":{"codes":["STEEP10"]}}""");
        viaRest.Add((await Checkouts.UpdateAsync(rest, restId, update)).Json);
        var select = Checkouts.Update(viaRest[^1], """{"fulfillment":{"methods":[{"type":"shipping","groups":[{"id":"fg_1","selected_option_id":"ship-standard"}]}]},"discounts":{"codes":["STEEP10"]}}""");
        viaRest.Add((await Checkouts.UpdateAsync(rest, restId, select)).Json);
        viaRest.Add((await Checkouts.CompleteAsync(rest, restId, Checkouts.Complete())).Json);
        viaRest.Add((await rest.GetAsync("/ucp/orders/" + viaRest[^1]["order"]!["id"]!.GetValue<string>())).Json);

        var viaMcp = new List<JsonNode>();
        viaMcp.Add(await ResultAsync(mcp, "create_checkout", new() { ["checkout"] = JsonNode.Parse(Checkouts.Create("tea_assam", 3)) }, "/ucp/checkout-sessions"));
        var mcpId = viaMcp[0]["id"]!.GetValue<string>();
        viaMcp.Add(await ResultAsync(mcp, "update_checkout", new() { ["id"] = mcpId, ["checkout"] = JsonNode.Parse(update) }, "/ucp/checkout-sessions/x"));
        viaMcp.Add(await ResultAsync(mcp, "update_checkout", new() { ["id"] = mcpId, ["checkout"] = JsonNode.Parse(select) }, "/ucp/checkout-sessions/x"));
        viaMcp.Add(await ResultAsync(mcp, "complete_checkout", new() { ["id"] = mcpId, ["checkout"] = JsonNode.Parse(Checkouts.Complete()) }, "/ucp/checkout-sessions/x"));
        viaMcp.Add(await ResultAsync(mcp, "get_order", new() { ["id"] = viaMcp[^1]["order"]!["id"]!.GetValue<string>() }, "/ucp/orders/x"));

        // Identical but for the identifiers and times each run mints.
        var restIds = new[] { restId, viaRest[^1]["id"]!.GetValue<string>() };
        var mcpIds = new[] { mcpId, viaMcp[^1]["id"]!.GetValue<string>() };
        for (var step = 0; step < viaRest.Count; step++)
        {
            Assert.Equal(Normalize(viaRest[step], restIds), Normalize(viaMcp[step], mcpIds));
        }
    }

    private static string Normalize(JsonNode document, string[] ids)
    {
        var text = document.ToJsonString();
        for (var i = 0; i < ids.Length; i++)
        {
            text = text.Replace(ids[i], $"<id{i}>", StringComparison.Ordinal);
        }

        return Label().Replace(Timestamp().Replace(text, "<time>"), "\"label\":\"<label>\"");
    }

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")]
    private static partial Regex Timestamp();

    [GeneratedRegex("\"label\":\"#\\d+\"")]
    private static partial Regex Label();
}
