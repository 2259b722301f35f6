using System.Net;
using System.Text.Json.Nodes;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.AspNetCore.Tests.Schemas;
using WixUcp.AspNetCore.Tests.Webhooks;

namespace WixUcp.AspNetCore.Tests.Versions;

/// <summary>
/// A January platform (declaring 2026-01-11, as January documents do, or 2026-01-23) is answered in 2026-01-23, every
/// document checked against the January schemas as they shipped (the generated per-operation files).
/// </summary>
public sealed class January20260123Tests(WebhookFixture fixture) : IClassFixture<WebhookFixture>, IAsyncLifetime
{
    private const string January = "2026-01-23";

    private static readonly string[] Extensions = ["dev.ucp.shopping.fulfillment", "dev.ucp.shopping.discount", "dev.ucp.shopping.buyer_consent"];

    public async ValueTask InitializeAsync()
    {
        if (fixture.Receiver is null)
        {
            await fixture.StartAsync();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task<UcpResponse> SendAsync(UcpClient client, HttpMethod method, string path, string body, UcpDocumentKind requestKind)
    {
        SchemaAssert.ValidIn(January, body, requestKind, Extensions);
        var response = await client.SendAsync(method, path, body, idempotencyKey: Guid.NewGuid().ToString());
        Assert.True(response.Status is HttpStatusCode.OK or HttpStatusCode.Created, response.Text);
        SchemaAssert.ValidIn(January, response.Text, UcpDocumentKind.CheckoutResponse, Extensions);
        Assert.Equal(January, response.Json["ucp"]!["version"]!.GetValue<string>());
        Assert.Null(response.Json["ucp"]!["status"]);
        return response;
    }

    [Fact]
    public async Task The_january_profile_is_served_beside_the_others_and_validates_as_january()
    {
        var root = (await fixture.Client().GetAsync("/.well-known/ucp")).Json;
        var url = new Uri(root["ucp"]!["supported_versions"]![January]!.GetValue<string>());
        var profile = await fixture.Client().GetAsync(url.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, profile.Status);
        SchemaAssert.ValidIn(January, profile.Text, UcpDocumentKind.BusinessProfile);
        var ucp = profile.Json["ucp"]!;
        Assert.Equal(January, ucp["version"]!.GetValue<string>());
        Assert.Equal(["dev.ucp.shopping.buyer_consent", "dev.ucp.shopping.checkout", "dev.ucp.shopping.discount", "dev.ucp.shopping.fulfillment", "dev.ucp.shopping.order"],
            ucp["capabilities"]!.AsObject().Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal("https://ucp.dev/schemas/shopping/checkout.json", ucp["capabilities"]!["dev.ucp.shopping.checkout"]![0]!["schema"]!.GetValue<string>());
        Assert.All(ucp["payment_handlers"]!.AsObject(), h => Assert.Null(h.Value![0]!["available_instruments"]));
        Assert.Equal(root["keys"]!.ToJsonString(), profile.Json["signing_keys"]!.ToJsonString());
    }

    [Theory]
    [InlineData("january")]
    [InlineData("january-23")]
    public async Task A_january_platform_checks_out_with_unsigned_totals_and_its_update_ids(string platform)
    {
        var client = fixture.Client(platform);
        var created = await SendAsync(client, HttpMethod.Post, "/ucp/checkout-sessions",
            """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":2}],"buyer":{"email":"ada@example.com"},"currency":"USD"}""", UcpDocumentKind.CheckoutCreateRequest);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var id = created.Json["id"]!.GetValue<string>();
        var lineId = created.Json["line_items"]![0]!["id"]!.GetValue<string>();

        // January's update carries the checkout id in the body too.
        var ready = await SendAsync(client, HttpMethod.Put, "/ucp/checkout-sessions/" + id, $$$"""
            {"id":"{{{id}}}","line_items":[{"id":"{{{lineId}}}","item":{"id":"tea_sencha"},"quantity":2}],"currency":"USD","discounts":{"codes":["STEEP10"]},
             "fulfillment":{"methods":[{"id":"fm_1","type":"shipping","line_item_ids":["{{{lineId}}}"],"selected_destination_id":"addr_ada_work","groups":[{"id":"fg_1","selected_option_id":"ship-standard"}]}]}}
            """, UcpDocumentKind.CheckoutUpdateRequest);
        Assert.Equal("ready_for_complete", ready.Json["status"]!.GetValue<string>());
        var totals = ready.Json["totals"]!.AsArray();
        Assert.All(totals, t => Assert.True(t!["amount"]!.GetValue<long>() >= 0));
        var discount = Checkouts.TotalOf(ready.Json, "discount");
        Assert.True(discount > 0, "a January discount is a magnitude");
        Assert.Equal(Checkouts.TotalOf(ready.Json, "subtotal") - discount + Checkouts.TotalOf(ready.Json, "fulfillment") + Checkouts.TotalOf(ready.Json, "tax"), Checkouts.TotalOf(ready.Json, "total"));

        var completed = await SendAsync(client, HttpMethod.Post, $"/ucp/checkout-sessions/{id}/complete", Checkouts.Complete(), UcpDocumentKind.CheckoutCompleteRequest);
        Assert.Equal("completed", completed.Json["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_checkout_is_404_in_january()
    {
        var response = await fixture.Client("january").GetAsync("/ucp/checkout-sessions/chk_nope");
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("not_found", response.Json["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_january_order_webhook_carries_event_id_and_created_time_and_validates_as_january()
    {
        var client = fixture.Client("january-webhooks-jan");
        var ready = await Checkouts.ReadyAsync(client);
        var completed = await client.PostAsync($"/ucp/checkout-sessions/{ready["id"]!.GetValue<string>()}/complete", Checkouts.Complete());
        var orderId = completed.Json["order"]!["id"]!.GetValue<string>();

        var received = Assert.Single(await fixture.Receiver.WaitForAsync("jan", 1));
        var body = JsonNode.Parse(received.Body)!;
        SchemaAssert.ValidIn(January, body, UcpDocumentKind.OrderEvent);
        Assert.Equal((orderId, January), (body["id"]!.GetValue<string>(), body["ucp"]!["version"]!.GetValue<string>()));
        Assert.True(Guid.TryParse(body["event_id"]!.GetValue<string>(), out _));
        Assert.True(DateTimeOffset.TryParse(body["created_time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _));
        var profile = (await client.GetAsync("/.well-known/ucp/" + January)).Json;
        Assert.True(SignatureVerifier.Verify(received.Header, received.Derived, profile, received.Body));

        // January's own signature: a detached JWS over the body (RFC 7797), by a key of the January profile.
        var jws = received.Header("request-signature")!;
        Assert.True(VerifiesDetached(jws, received.Body, profile));
        var tampered = (byte[])received.Body.Clone();
        tampered[^2] ^= 1;
        Assert.False(VerifiesDetached(jws, tampered, profile));
    }

    private static bool VerifiesDetached(string jws, byte[] body, JsonNode profile)
    {
        var parts = jws.Split('.');
        Assert.Equal((3, ""), (parts.Length, parts[1]));
        var header = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[0]))!;
        Assert.Equal(("ES256", false), (header["alg"]!.GetValue<string>(), header["b64"]!.GetValue<bool>()));
        var key = profile["signing_keys"]!.AsArray().Single(k => k!["kid"]!.GetValue<string>() == header["kid"]!.GetValue<string>())!;
        using var ecdsa = System.Security.Cryptography.ECDsa.Create(new System.Security.Cryptography.ECParameters
        {
            Curve = System.Security.Cryptography.ECCurve.NamedCurves.nistP256,
            Q = new System.Security.Cryptography.ECPoint
            {
                X = System.Buffers.Text.Base64Url.DecodeFromChars(key["x"]!.GetValue<string>()),
                Y = System.Buffers.Text.Base64Url.DecodeFromChars(key["y"]!.GetValue<string>()),
            },
        });
        byte[] input = [.. System.Text.Encoding.ASCII.GetBytes(parts[0] + "."), .. body];
        return ecdsa.VerifyData(input, System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]), System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    [Fact]
    public async Task Mcp_answers_a_january_platform_in_january()
    {
        var caller = new McpCaller(fixture.App.CreateClient(), fixture.Platform.ProfileUrl("january"));
        var created = (await caller.CallAsync("create_checkout", new JsonObject { ["checkout"] = JsonNode.Parse(Checkouts.Create()) })).Document;
        SchemaAssert.ValidIn(January, created, UcpDocumentKind.CheckoutResponse, Extensions);
        Assert.Equal(January, created["ucp"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_request_signature_placeholder_january_clients_send_is_tolerated()
    {
        // January's OpenAPI marks Request-Signature required without defining it; its conformance suite sends "test".
        using var request = new HttpRequestMessage(HttpMethod.Post, "/ucp/checkout-sessions") { Content = new StringContent(Checkouts.Create(), System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("UCP-Agent", fixture.Platform.Agent("january"));
        request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
        request.Headers.TryAddWithoutValidation("Request-Signature", "test");
        using var answered = await fixture.App.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
    }
}
