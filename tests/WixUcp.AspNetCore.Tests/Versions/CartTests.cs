using System.Net;
using System.Text.Json.Nodes;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.AspNetCore.Tests.Schemas;

namespace WixUcp.AspNetCore.Tests.Versions;

/// <summary>
/// Carts (<c>dev.ucp.shopping.cart</c>) in both versions that define them: every request and answer validated against
/// the version's cart schema (with the discount extension's cart definition), and the conversion to a checkout.
/// </summary>
public sealed class CartTests(UcpFixture fixture) : IClassFixture<UcpFixture>
{
    private static readonly string[] Discount = ["dev.ucp.shopping.discount"];

    public static TheoryData<string> Versions => ["2026-04-08", "2026-08-25"];

    private static string Platform(string version) => version == "2026-08-25" ? "august" : FakePlatform.AllCapabilities;

    private static async Task<UcpResponse> SendAsync(UcpClient client, string version, HttpMethod method, string path, string? body, UcpDocumentKind? requestKind)
    {
        if (body is not null && requestKind is { } kind)
        {
            SchemaAssert.ValidIn(version, body, kind, Discount);
        }

        var response = await client.SendAsync(method, path, body, idempotencyKey: method == HttpMethod.Get ? null : Guid.NewGuid().ToString());
        if (response.Status is HttpStatusCode.OK or HttpStatusCode.Created && response.Json["ucp"]?["status"]?.GetValue<string>() != "error")
        {
            SchemaAssert.ValidIn(version, response.Text, UcpDocumentKind.CartResponse, Discount);
            Assert.Equal(version, response.Json["ucp"]!["version"]!.GetValue<string>());
        }

        return response;
    }

    private static string UpdateBody(string version, string id, string lines) =>
        version == "2026-04-08" ? $$$"""{"id":"{{{id}}}","line_items":{{{lines}}},"discounts":{"codes":["STEEP10"]}}""" : $$$"""{"line_items":{{{lines}}},"discounts":{"codes":["STEEP10"]}}""";

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task A_cart_is_created_priced_updated_read_and_canceled(string version)
    {
        var client = fixture.Client(Platform(version));
        var created = await SendAsync(client, version, HttpMethod.Post, "/ucp/carts", """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":2}]}""", UcpDocumentKind.CartCreateRequest);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var id = created.Json["id"]!.GetValue<string>();
        Assert.StartsWith("cart_", id, StringComparison.Ordinal);
        Assert.Equal(2400, Checkouts.TotalOf(created.Json, "subtotal"));
        Assert.Null(created.Json["ucp"]!["payment_handlers"]);
        Assert.DoesNotContain(created.Json["messages"]?.AsArray() ?? [], m => m!["path"]?.GetValue<string>() == "$.buyer.email");

        // An update replaces the cart: another quantity and a discount code.
        var lineId = created.Json["line_items"]![0]!["id"]!.GetValue<string>();
        var updated = await SendAsync(client, version, HttpMethod.Put, "/ucp/carts/" + id,
            UpdateBody(version, id, $$"""[{"id":"{{lineId}}","item":{"id":"tea_sencha"},"quantity":3}]"""), UcpDocumentKind.CartUpdateRequest);
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal(3, updated.Json["line_items"]![0]!["quantity"]!.GetValue<int>());
        Assert.Equal("STEEP10", updated.Json["discounts"]!["applied"]![0]!["code"]!.GetValue<string>());
        Assert.True(Checkouts.TotalOf(updated.Json, "discount") < 0);

        var read = await SendAsync(client, version, HttpMethod.Get, "/ucp/carts/" + id, null, null);
        Assert.Equal(updated.Text, read.Text);

        // Another platform does not see it.
        var stranger = await fixture.Client("other-platform").GetAsync("/ucp/carts/" + id);
        Assert.Equal("not_found", stranger.Json["messages"]![0]!["code"]!.GetValue<string>());

        // Cancel answers the cart as it was; then it is gone.
        var canceled = await SendAsync(client, version, HttpMethod.Post, $"/ucp/carts/{id}/cancel", null, null);
        Assert.Equal(HttpStatusCode.OK, canceled.Status);
        Assert.Equal(3, canceled.Json["line_items"]![0]!["quantity"]!.GetValue<int>());
        var gone = await client.GetAsync("/ucp/carts/" + id);
        Assert.Equal("not_found", gone.Json["messages"]![0]!["code"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task A_checkout_from_a_cart_takes_its_lines_and_codes_and_the_same_cart_gives_the_same_checkout(string version)
    {
        var client = fixture.Client(Platform(version));
        var cart = await SendAsync(client, version, HttpMethod.Post, "/ucp/carts",
            """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":4}],"discounts":{"codes":["STEEP10"]}}""", UcpDocumentKind.CartCreateRequest);
        var cartId = cart.Json["id"]!.GetValue<string>();

        // The body's own lines lose to the cart's.
        var body = $$$"""{"cart_id":"{{{cartId}}}","line_items":[{"item":{"id":"tea_sencha"},"quantity":1}],"buyer":{"email":"ada@example.com"}}""";
        var first = await client.PostAsync("/ucp/checkout-sessions", body, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(version, first.Json["ucp"]!["version"]!.GetValue<string>());
        Assert.Equal(4, first.Json["line_items"]![0]!["quantity"]!.GetValue<int>());
        Assert.Equal("STEEP10", first.Json["discounts"]!["applied"]![0]!["code"]!.GetValue<string>());

        var again = await client.PostAsync("/ucp/checkout-sessions", body, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(first.Json["id"]!.GetValue<string>(), again.Json["id"]!.GetValue<string>());

        var unknown = await client.PostAsync("/ucp/checkout-sessions", body.Replace(cartId, "cart_nope", StringComparison.Ordinal), Guid.NewGuid().ToString());
        Assert.Equal("not_found", unknown.Json["messages"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_cart_is_idempotent_like_checkout()
    {
        var client = fixture.Client();
        var key = Guid.NewGuid().ToString();
        var first = await client.PostAsync("/ucp/carts", """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}]}""", key);
        var again = await client.PostAsync("/ucp/carts", """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}]}""", key);
        var other = await client.PostAsync("/ucp/carts", """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":2}]}""", key);
        Assert.Equal(first.Text, again.Text);
        Assert.Equal(HttpStatusCode.Conflict, other.Status);
    }

    [Fact]
    public async Task A_january_platform_has_no_cart()
    {
        var response = await fixture.Client("january").PostAsync("/ucp/carts", """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}]}""", Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("capabilities_incompatible", response.Json["code"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Mcp_cart_tools_create_read_update_and_cancel(string version)
    {
        var caller = new McpCaller(fixture.App.CreateClient(), fixture.Platform.ProfileUrl(Platform(version)));
        var created = (await caller.CallAsync("create_cart", new JsonObject { ["cart"] = JsonNode.Parse("""{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}]}""") })).Document;
        UcpClient.ValidateDocument("/ucp/carts", created);
        Assert.Equal(version, created["ucp"]!["version"]!.GetValue<string>());
        var id = created["id"]!.GetValue<string>();

        var updated = (await caller.CallAsync("update_cart", new JsonObject
        {
            ["id"] = id,
            ["cart"] = JsonNode.Parse("""{"line_items":[{"item":{"id":"tea_sencha"},"quantity":2}]}"""),
        })).Document;
        UcpClient.ValidateDocument("/ucp/carts", updated);
        Assert.Equal(2, updated["line_items"]![0]!["quantity"]!.GetValue<int>());
        Assert.Equal(updated.ToJsonString(), (await caller.CallAsync("get_cart", new JsonObject { ["id"] = id })).Document.ToJsonString());

        var canceled = (await caller.CallAsync("cancel_cart", new JsonObject { ["id"] = id, ["meta"] = caller.Meta(Guid.NewGuid().ToString()) })).Document;
        Assert.Equal(id, canceled["id"]!.GetValue<string>());
        Assert.Equal("not_found", (await caller.CallAsync("get_cart", new JsonObject { ["id"] = id })).Document["messages"]![0]!["code"]!.GetValue<string>());
    }
}
