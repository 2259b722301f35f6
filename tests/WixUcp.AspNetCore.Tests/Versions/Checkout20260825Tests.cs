using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.AspNetCore.Tests.Schemas;

namespace WixUcp.AspNetCore.Tests.Versions;

/// <summary>
/// A platform speaking 2026-08-25 checks out: every request and response validates against the 2026-08-25 schemas,
/// and the wire differences from 2026-04-08 (consent map, typed destinations, option description objects, full
/// replacement on update) hold.
/// </summary>
public sealed class Checkout20260825Tests(UcpFixture fixture) : IClassFixture<UcpFixture>
{
    private const string August = "2026-08-25";

    private static readonly string[] Extensions = ["dev.ucp.shopping.fulfillment", "dev.ucp.shopping.discount", "dev.ucp.shopping.buyer_consent"];

    private const string Buyer = """ "buyer":{"email":"ada@example.com","consent":{"dev.ucp.consent.marketing":{"granted":true,"source":"platform"},"dev.example.unknown":{"granted":true,"source":"platform"}}} """;

    private const string Shipping = """ "fulfillment":{"methods":[{"type":"shipping","line_item_ids":["li_1"],"destinations":[{"street_address":"1 Main St","address_locality":"Austin","address_region":"TX","postal_code":"78701","address_country":"US"}],"groups":[{"id":"fg_1","selected_option_id":"ship-standard"}]}]} """;

    private static async Task<UcpResponse> SendAsync(UcpClient client, HttpMethod method, string path, string body, UcpDocumentKind requestKind)
    {
        SchemaAssert.ValidIn(August, body, requestKind, Extensions);
        var response = await client.SendAsync(method, path, body, idempotencyKey: Guid.NewGuid().ToString());
        SchemaAssert.ValidIn(August, response.Text, UcpDocumentKind.CheckoutResponse, Extensions);
        Assert.Equal(August, response.Json["ucp"]!["version"]!.GetValue<string>());
        return response;
    }

    [Fact]
    public async Task A_2026_08_25_platform_checks_out_in_its_own_wire_format()
    {
        var client = fixture.Client("august");
        var created = await SendAsync(client, HttpMethod.Post, "/ucp/checkout-sessions",
            $$"""{"line_items":[{"item":{"id":"tea_sencha"},"quantity":2}],{{Buyer}}}""", UcpDocumentKind.CheckoutCreateRequest);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var id = created.Json["id"]!.GetValue<string>();
        var lineId = created.Json["line_items"]![0]!["id"]!.GetValue<string>();
        Assert.All(created.Json["ucp"]!["capabilities"]!.AsObject(), c => Assert.Equal(August, c.Value![0]!["version"]!.GetValue<string>()));

        // Consent is a map of every purpose this business advertises: the buyer's decision, or the business default.
        var consent = created.Json["buyer"]!["consent"]!.AsObject();
        Assert.Equal(["dev.ucp.consent.analytics", "dev.ucp.consent.marketing", "dev.ucp.consent.preferences", "dev.ucp.consent.sale_or_sharing"], consent.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal((true, "platform"), (consent["dev.ucp.consent.marketing"]!["granted"]!.GetValue<bool>(), consent["dev.ucp.consent.marketing"]!["source"]!.GetValue<string>()));
        Assert.Equal((false, "business"), (consent["dev.ucp.consent.analytics"]!["granted"]!.GetValue<bool>(), consent["dev.ucp.consent.analytics"]!["source"]!.GetValue<string>()));

        // A destination without type or id: the answer types it and gives it an id; options describe themselves as objects.
        var shipped = await SendAsync(client, HttpMethod.Put, "/ucp/checkout-sessions/" + id,
            $$$"""{"line_items":[{"id":"{{{lineId}}}","item":{"id":"tea_sencha"},"quantity":2}],{{{Buyer.Replace("dev.ucp.consent.marketing", "dev.ucp.consent.analytics", StringComparison.Ordinal)}}},{{{Shipping.Replace("li_1", lineId, StringComparison.Ordinal)}}},"discounts":{"codes":["STEEP10"]}}""",
            UcpDocumentKind.CheckoutUpdateRequest);
        var method = shipped.Json["fulfillment"]!["methods"]![0]!;
        var destination = method["destinations"]![0]!;
        Assert.Equal("shipping_address", destination["type"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(destination["id"]!.GetValue<string>()));
        var option = method["groups"]![0]!["options"]!.AsArray().First(o => o!["description"] is not null)!;
        Assert.IsType<JsonObject>(option["description"]);
        Assert.Equal("ship-standard", method["groups"]![0]!["selected_option_id"]!.GetValue<string>());
        Assert.Equal("ready_for_complete", shipped.Json["status"]!.GetValue<string>());
        Assert.Equal("STEEP10", shipped.Json["discounts"]!["applied"]![0]!["code"]!.GetValue<string>());

        // Only a present consent changes consent: the analytics decision came in, marketing stays as decided before.
        var kept = shipped.Json["buyer"]!["consent"]!;
        Assert.True(kept["dev.ucp.consent.analytics"]!["granted"]!.GetValue<bool>());
        Assert.Equal("business", kept["dev.ucp.consent.marketing"]!["source"]!.GetValue<string>());

        var completed = await SendAsync(client, HttpMethod.Post, $"/ucp/checkout-sessions/{id}/complete", Checkouts.Complete(), UcpDocumentKind.CheckoutCompleteRequest);
        Assert.Equal("completed", completed.Json["status"]!.GetValue<string>());

        var order = await client.GetAsync("/ucp/orders/" + completed.Json["order"]!["id"]!.GetValue<string>());
        SchemaAssert.ValidIn(August, order.Text, UcpDocumentKind.OrderResponse);
        Assert.Equal(August, order.Json["ucp"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_update_replaces_the_checkout_so_what_it_leaves_out_is_cleared()
    {
        var client = fixture.Client("august");
        var created = await SendAsync(client, HttpMethod.Post, "/ucp/checkout-sessions",
            """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}],"buyer":{"email":"ada@example.com"},"discounts":{"codes":["STEEP10"]}}""", UcpDocumentKind.CheckoutCreateRequest);
        var id = created.Json["id"]!.GetValue<string>();
        var lineId = created.Json["line_items"]![0]!["id"]!.GetValue<string>();
        Assert.Equal("STEEP10", created.Json["discounts"]!["codes"]![0]!.GetValue<string>());

        var replaced = await SendAsync(client, HttpMethod.Put, "/ucp/checkout-sessions/" + id,
            $$"""{"line_items":[{"id":"{{lineId}}","item":{"id":"tea_sencha"},"quantity":1}]}""", UcpDocumentKind.CheckoutUpdateRequest);
        Assert.Null(replaced.Json["buyer"]);
        Assert.Empty(replaced.Json["discounts"]!["codes"]!.AsArray());
    }

    [Fact]
    public async Task An_update_while_the_checkout_completes_changes_nothing_and_answers_it_in_2026_08_25_and_409_in_2026_04_08()
    {
        var august = fixture.Client("august");
        var created = await SendAsync(august, HttpMethod.Post, "/ucp/checkout-sessions",
            """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}],"buyer":{"email":"ada@example.com"}}""", UcpDocumentKind.CheckoutCreateRequest);
        var id = created.Json["id"]!.GetValue<string>();
        var lineId = created.Json["line_items"]![0]!["id"]!.GetValue<string>();

        // A completion is under way (its claim is what a complete in flight leaves on the session).
        var store = fixture.App.Services.GetRequiredService<WixUcp.Checkout.ICheckoutSessionStore>();
        var session = (await store.GetAsync(WixUcp.Tenancy.UcpTenant.Default.Id, id, TestContext.Current.CancellationToken))!;
        Assert.True(await store.TryUpdateAsync(session with { Status = WixUcp.Checkout.CheckoutStatus.CompleteInProgress, Version = session.Version + 1, UpdatedAt = DateTimeOffset.UtcNow }, session.Version, TestContext.Current.CancellationToken));

        var frozen = await SendAsync(august, HttpMethod.Put, "/ucp/checkout-sessions/" + id,
            $$$"""{"line_items":[{"id":"{{{lineId}}}","item":{"id":"tea_sencha"},"quantity":5}],"buyer":{"email":"ada@example.com"}}""", UcpDocumentKind.CheckoutUpdateRequest);
        Assert.Equal(HttpStatusCode.OK, frozen.Status);
        Assert.Equal(("complete_in_progress", 1), (frozen.Json["status"]!.GetValue<string>(), frozen.Json["line_items"]![0]!["quantity"]!.GetValue<int>()));
        var error = frozen.Json["messages"]!.AsArray().Single(m => m!["code"]!.GetValue<string>() == "checkout_completing")!;
        Assert.Equal("recoverable", error["severity"]!.GetValue<string>());

        Assert.Equal(1, (await store.GetAsync(WixUcp.Tenancy.UcpTenant.Default.Id, id, TestContext.Current.CancellationToken))!.Lines[0].Quantity);

        // A 2026-04-08 platform's checkout in the same state: 409, as April has it.
        var aprilClient = fixture.Client();
        var aprilCheckout = (await Checkouts.CreateAsync(aprilClient, Checkouts.Create())).Json;
        var aprilId = aprilCheckout["id"]!.GetValue<string>();
        var aprilSession = (await store.GetAsync(WixUcp.Tenancy.UcpTenant.Default.Id, aprilId, TestContext.Current.CancellationToken))!;
        Assert.True(await store.TryUpdateAsync(aprilSession with { Status = WixUcp.Checkout.CheckoutStatus.CompleteInProgress, Version = aprilSession.Version + 1, UpdatedAt = DateTimeOffset.UtcNow }, aprilSession.Version, TestContext.Current.CancellationToken));
        var april = await aprilClient.PutAsync("/ucp/checkout-sessions/" + aprilId, Checkouts.Update(aprilCheckout));
        Assert.Equal(HttpStatusCode.Conflict, april.Status);
        Assert.Equal("checkout_completing", april.Json["code"]!.GetValue<string>());
    }
}
