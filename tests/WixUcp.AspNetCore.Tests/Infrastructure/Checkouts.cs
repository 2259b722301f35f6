using System.Text.Json.Nodes;
using WixUcp.AspNetCore.Tests.Schemas;

namespace WixUcp.AspNetCore.Tests.Infrastructure;

/// <summary>Request bodies and schema-checked calls for checkout tests (sample host dataset).</summary>
internal static class Checkouts
{
    public static readonly string[] AllExtensions = ["dev.ucp.shopping.fulfillment", "dev.ucp.shopping.discount", "dev.ucp.shopping.buyer_consent"];

    public static string Create(string itemId = "tea_sencha", int quantity = 2, string? email = "ada@example.com") =>
        email is null
            ? $$"""{"line_items":[{"item":{"id":"{{itemId}}"},"quantity":{{quantity}}}]}"""
            : $$$"""{"line_items":[{"item":{"id":"{{{itemId}}}"},"quantity":{{{quantity}}}}],"buyer":{"email":"{{{email}}}"}}""";

    public static string Complete(string token = "success_token", string handlerId = "mock_payment_handler") =>
        $$$"""{"payment":{"instruments":[{"id":"instr_1","handler_id":"{{{handlerId}}}","type":"card","credential":{"type":"token","token":"{{{token}}}"}}]}}""";

    /// <summary>Echoes the line items of a checkout response as an update body, plus the members of <paramref name="extra"/> (a JSON object).</summary>
    public static string Update(JsonNode checkout, string extra = "{}")
    {
        var lines = new JsonArray();
        foreach (var line in checkout["line_items"]!.AsArray())
        {
            lines.Add(new JsonObject
            {
                ["id"] = line!["id"]!.GetValue<string>(),
                ["item"] = new JsonObject { ["id"] = line["item"]!["id"]!.GetValue<string>() },
                ["quantity"] = line["quantity"]!.GetValue<int>(),
            });
        }

        var update = JsonNode.Parse(extra)!.AsObject();
        update["line_items"] = lines;

        // Update requests name the line items of each fulfillment method; like a platform, default to all of them.
        foreach (var method in update["fulfillment"]?["methods"]?.AsArray() ?? [])
        {
            method!["line_item_ids"] ??= new JsonArray([.. lines.Select(l => (JsonNode)JsonValue.Create(l!["id"]!.GetValue<string>()))]);
        }
        var body = update.ToJsonString();
        SchemaAssert.Valid(body, UcpDocumentKind.CheckoutUpdateRequest, AllExtensions);
        return body;
    }

    public static async Task<UcpResponse> CreateAsync(UcpClient client, string body, params string[] extensions)
    {
        SchemaAssert.Valid(body, UcpDocumentKind.CheckoutCreateRequest, AllExtensions);
        var response = await client.PostAsync("/ucp/checkout-sessions", body);
        SchemaAssert.Valid(response.Text, UcpDocumentKind.CheckoutResponse, extensions.Length == 0 ? AllExtensions : extensions);
        return response;
    }

    public static async Task<UcpResponse> UpdateAsync(UcpClient client, string id, string body)
    {
        var response = await client.PutAsync($"/ucp/checkout-sessions/{id}", body);
        SchemaAssert.Valid(response.Text, UcpDocumentKind.CheckoutResponse, AllExtensions);
        return response;
    }

    public static async Task<UcpResponse> CompleteAsync(UcpClient client, string id, string body)
    {
        SchemaAssert.Valid(body, UcpDocumentKind.CheckoutCompleteRequest, AllExtensions);
        var response = await client.PostAsync($"/ucp/checkout-sessions/{id}/complete", body);
        SchemaAssert.Valid(response.Text, UcpDocumentKind.CheckoutResponse, AllExtensions);
        return response;
    }

    /// <summary>Creates a checkout for a known buyer and takes it to ready_for_complete (US address, standard shipping).</summary>
    public static async Task<JsonNode> ReadyAsync(UcpClient client, string itemId = "tea_sencha", int quantity = 2)
    {
        var created = (await CreateAsync(client, Create(itemId, quantity))).Json;
        var id = created["id"]!.GetValue<string>();
        var withAddress = (await UpdateAsync(client, id, Update(created, """{"fulfillment":{"methods":[{"type":"shipping","selected_destination_id":"addr_ada_work"}]}}"""))).Json;
        var ready = (await UpdateAsync(client, id, Update(withAddress, """{"fulfillment":{"methods":[{"type":"shipping","groups":[{"id":"fg_1","selected_option_id":"ship-standard"}]}]}}"""))).Json;
        Assert.Equal("ready_for_complete", ready["status"]!.GetValue<string>());
        return ready;
    }

    public static long TotalOf(JsonNode document, string type) =>
        document["totals"]!.AsArray().Where(t => t!["type"]!.GetValue<string>() == type).Sum(t => t!["amount"]!.GetValue<long>());

    public static IEnumerable<(string Code, string? Path, string Type)> Messages(JsonNode document) =>
        document["messages"]?.AsArray().Select(m => (m!["code"]?.GetValue<string>() ?? "", m["path"]?.GetValue<string>(), m["type"]!.GetValue<string>())) ?? [];
}
