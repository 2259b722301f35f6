using System.Net;
using System.Text.Json.Nodes;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.AspNetCore.Tests.Schemas;
using WixUcp.AspNetCore.Tests.Webhooks;

namespace WixUcp.AspNetCore.Tests.Versions;

/// <summary>
/// The same scenarios in every served version: a platform declaring the version gets every document in it, each
/// checked against that version's schemas (by <see cref="UcpClient"/> and here, explicitly).
/// </summary>
public sealed class VersionMatrixTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>, IAsyncLifetime
{
    public static TheoryData<string> Served => ["2026-01-23", "2026-04-08", "2026-08-25"];

    public async ValueTask InitializeAsync()
    {
        if (fixture.Receiver is null)
        {
            await fixture.StartAsync();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // The FakePlatform profile declaring the version, with its order webhooks sent to the scenario's receiver path.
    private static string Profile(string version, string scenario) => version switch
    {
        "2026-08-25" => "august-webhooks-",
        "2026-01-23" => "january-webhooks-",
        _ => "webhooks-",
    } + scenario;

    private static string Scenario(string version, string name) => name + "-" + version.Replace("-", "", StringComparison.Ordinal);

    // A full update body (2026-08-25 replaces the checkout with it; 2026-04-08 reads it the same way).
    private static string Update(string lineId, string extra = "") => $$$"""
        {"line_items":[{"id":"{{{lineId}}}","item":{"id":"tea_sencha"},"quantity":2}],"buyer":{"email":"ada@example.com"},"discounts":{"codes":["STEEP10"]},
         "fulfillment":{"methods":[{"type":"shipping","line_item_ids":["{{{lineId}}}"],"destinations":[{"street_address":"1 Main St","address_locality":"Austin","address_region":"TX","postal_code":"78701","address_country":"US"}],"groups":[{"id":"fg_1","selected_option_id":"ship-standard"}]}]}{{{extra}}}}
        """;

    private static void InVersion(string version, UcpResponse response) =>
        Assert.Equal(version, response.Json["ucp"]!["version"]!.GetValue<string>());

    [Theory]
    [MemberData(nameof(Served))]
    public async Task Lifecycle_with_discount_fulfillment_and_a_signed_order_webhook(string version)
    {
        var scenario = Scenario(version, "life");
        var client = fixture.Client(Profile(version, scenario));
        var created = await client.PostAsync("/ucp/checkout-sessions", """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":2}],"buyer":{"email":"ada@example.com"}}""");
        Assert.Equal(HttpStatusCode.Created, created.Status);
        InVersion(version, created);
        var id = created.Json["id"]!.GetValue<string>();
        var lineId = created.Json["line_items"]![0]!["id"]!.GetValue<string>();

        var ready = await client.PutAsync("/ucp/checkout-sessions/" + id, Update(lineId));
        InVersion(version, ready);
        Assert.Equal("ready_for_complete", ready.Json["status"]!.GetValue<string>());
        Assert.Equal("STEEP10", ready.Json["discounts"]!["applied"]![0]!["code"]!.GetValue<string>());
        // Signed in 2026-04-08 and later; a magnitude in January.
        Assert.True(version == "2026-01-23" ? Checkouts.TotalOf(ready.Json, "discount") > 0 : Checkouts.TotalOf(ready.Json, "discount") < 0);
        Assert.True(Checkouts.TotalOf(ready.Json, "fulfillment") > 0);

        var completed = await client.PostAsync($"/ucp/checkout-sessions/{id}/complete", Checkouts.Complete());
        InVersion(version, completed);
        Assert.Equal("completed", completed.Json["status"]!.GetValue<string>());
        var orderId = completed.Json["order"]!["id"]!.GetValue<string>();
        var order = await client.GetAsync("/ucp/orders/" + orderId);
        InVersion(version, order);
        Assert.Equal(Checkouts.TotalOf(ready.Json, "total"), Checkouts.TotalOf(order.Json, "total"));

        // The order webhook is in the version the order was placed in, signed with the keys both profiles publish.
        var received = Assert.Single(await fixture.Receiver.WaitForAsync(scenario, 1));
        var body = JsonNode.Parse(received.Body)!;
        Assert.Equal((orderId, version), (body["id"]!.GetValue<string>(), body["ucp"]!["version"]!.GetValue<string>()));
        SchemaAssert.ValidIn(version, body, version == "2026-01-23" ? UcpDocumentKind.OrderEvent : UcpDocumentKind.OrderResponse);
        var profile = (await client.GetAsync(version == "2026-08-25" ? "/.well-known/ucp" : "/.well-known/ucp/" + version)).Json;
        Assert.True(SignatureVerifier.Verify(received.Header, received.Derived, profile, received.Body));
    }

    [Theory]
    [MemberData(nameof(Served))]
    public async Task A_retried_create_replays_the_same_bytes_and_another_body_under_the_key_is_409(string version)
    {
        var client = fixture.Client(Profile(version, Scenario(version, "idem")));
        var key = Guid.NewGuid().ToString();
        var first = await client.PostAsync("/ucp/checkout-sessions", Checkouts.Create(), key);
        var again = await client.PostAsync("/ucp/checkout-sessions", Checkouts.Create(), key);
        var other = await client.PostAsync("/ucp/checkout-sessions", Checkouts.Create(quantity: 3), key);

        InVersion(version, first);
        Assert.Equal(first.Text, again.Text);
        Assert.Equal(HttpStatusCode.Conflict, other.Status);
    }

    [Theory]
    [MemberData(nameof(Served))]
    public async Task Mcp_tool_calls_answer_in_the_platforms_version(string version)
    {
        var caller = new McpCaller(fixture.App.CreateClient(), fixture.Platform.ProfileUrl(Profile(version, Scenario(version, "mcp"))));
        var created = (await caller.CallAsync("create_checkout", new JsonObject { ["checkout"] = JsonNode.Parse(Checkouts.Create()) })).Document;
        UcpClient.ValidateDocument("/ucp/checkout-sessions", created);
        Assert.Equal(version, created["ucp"]!["version"]!.GetValue<string>());

        var read = (await caller.CallAsync("get_checkout", new JsonObject { ["id"] = created["id"]!.DeepClone() })).Document;
        UcpClient.ValidateDocument("/ucp/checkout-sessions", read);
        Assert.Equal((version, created["id"]!.GetValue<string>()), (read["ucp"]!["version"]!.GetValue<string>(), read["id"]!.GetValue<string>()));
    }
}
