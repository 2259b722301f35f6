using System.Net;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.AspNetCore.Tests.Schemas;

namespace WixUcp.AspNetCore.Tests.Checkout;

public sealed class CheckoutFlowTests(UcpFixture fixture) : IClassFixture<UcpFixture>
{
    [Fact]
    public async Task Full_flow_from_create_to_order_validates_against_the_official_schemas()
    {
        var client = fixture.Client();

        // Create: 2 x Sencha (1200) for a buyer with saved addresses.
        var created = await Checkouts.CreateAsync(client, Checkouts.Create("tea_sencha", 2));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var checkout = created.Json;
        var id = checkout["id"]!.GetValue<string>();
        Assert.Equal("incomplete", checkout["status"]!.GetValue<string>());
        Assert.Equal(2400, Checkouts.TotalOf(checkout, "subtotal"));
        var destinations = checkout["fulfillment"]!["methods"]![0]!["destinations"]!.AsArray();
        Assert.Contains(destinations, d => d!["id"]!.GetValue<string>() == "addr_ada_work");
        Assert.Contains(Checkouts.Messages(checkout), m => m.Path == "$.fulfillment.methods[0].selected_destination_id");
        Assert.NotNull(checkout["continue_url"]);

        // Choose the saved US address: standard 600 and US express 1400 are offered, cheapest first.
        var withAddress = (await Checkouts.UpdateAsync(client, id, Checkouts.Update(checkout, """{"fulfillment":{"methods":[{"type":"shipping","selected_destination_id":"addr_ada_work"}]}}"""))).Json;
        var options = withAddress["fulfillment"]!["methods"]![0]!["groups"]![0]!["options"]!.AsArray();
        Assert.Equal(["ship-standard", "ship-express-us"], options.Select(o => o!["id"]!.GetValue<string>()));
        Assert.Equal("incomplete", withAddress["status"]!.GetValue<string>());

        // Pick express and apply a valid and an unknown code, in that order.
        var ready = (await Checkouts.UpdateAsync(client, id, Checkouts.Update(withAddress,
            """{"fulfillment":{"methods":[{"type":"shipping","groups":[{"id":"fg_1","selected_option_id":"ship-express-us"}]}]},"discounts":{"codes":["STEEP10","NOPE"]}}"""))).Json;
        Assert.Equal("ready_for_complete", ready["status"]!.GetValue<string>());

        // 2400 - 10% (240) + 1400 express = 3560
        Assert.Equal(-240, Checkouts.TotalOf(ready, "discount"));
        Assert.Equal(1400, Checkouts.TotalOf(ready, "fulfillment"));
        Assert.Equal(3560, Checkouts.TotalOf(ready, "total"));
        Assert.Equal(Checkouts.TotalOf(ready, "total"), ready["totals"]!.AsArray().Where(t => t!["type"]!.GetValue<string>() != "total").Sum(t => t!["amount"]!.GetValue<long>()));
        Assert.Contains(Checkouts.Messages(ready), m => m is { Code: "discount_code_invalid", Path: "$.discounts.codes[1]", Type: "warning" });
        Assert.Equal(["STEEP10", "NOPE"], ready["discounts"]!["codes"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Single(ready["discounts"]!["applied"]!.AsArray());

        // Complete with the sandbox's approving token.
        var completed = (await Checkouts.CompleteAsync(client, id, Checkouts.Complete("success_token"))).Json;
        Assert.Equal("completed", completed["status"]!.GetValue<string>());
        var orderId = completed["order"]!["id"]!.GetValue<string>();
        Assert.Null(completed["continue_url"]);
        Assert.DoesNotContain("success_token", completed.ToJsonString(), StringComparison.Ordinal);

        var fetched = await client.GetAsync($"/ucp/checkout-sessions/{id}");
        SchemaAssert.Valid(fetched.Text, UcpDocumentKind.CheckoutResponse, Checkouts.AllExtensions);
        Assert.Equal("completed", fetched.Json["status"]!.GetValue<string>());

        var order = await client.GetAsync($"/ucp/orders/{orderId}");
        Assert.Equal(HttpStatusCode.OK, order.Status);
        SchemaAssert.Valid(order.Text, UcpDocumentKind.OrderResponse);
        Assert.Equal(id, order.Json["checkout_id"]!.GetValue<string>());
        Assert.Equal(3560, Checkouts.TotalOf(order.Json, "total"));
        Assert.Equal("processing", order.Json["line_items"]![0]!["status"]!.GetValue<string>());
        Assert.Equal("US", order.Json["fulfillment"]!["expectations"]![0]!["destination"]!["address_country"]!.GetValue<string>());
        Assert.Equal(["dev.ucp.shopping.order"], order.Json["ucp"]!["capabilities"]!.AsObject().Select(c => c.Key));
    }

    [Fact]
    public async Task Checkout_responses_carry_only_checkout_capabilities_and_the_payment_handlers()
    {
        var response = await Checkouts.CreateAsync(fixture.Client(), Checkouts.Create());
        var ucp = response.Json["ucp"]!;
        var names = ucp["capabilities"]!.AsObject().Select(c => c.Key).Order().ToList();
        Assert.Equal(["dev.ucp.shopping.buyer_consent", "dev.ucp.shopping.checkout", "dev.ucp.shopping.discount", "dev.ucp.shopping.fulfillment"], names);
        Assert.Equal("mock_payment_handler", ucp["payment_handlers"]!.AsObject().Single().Value![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Client_sent_prices_titles_and_totals_are_ignored()
    {
        var body = """{"line_items":[{"item":{"id":"tea_assam","title":"Free tea","price":1},"quantity":1,"totals":[{"type":"total","amount":1}]}],"currency":"EUR","status":"completed"}""";
        var response = await Checkouts.CreateAsync(fixture.Client(), body);
        var line = response.Json["line_items"]![0]!;
        Assert.Equal(1450, line["item"]!["price"]!.GetValue<long>());
        Assert.Equal("Assam Breakfast Tea 250g", line["item"]!["title"]!.GetValue<string>());
        Assert.Equal("USD", response.Json["currency"]!.GetValue<string>());
        Assert.Equal("incomplete", response.Json["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Declined_payment_is_a_payment_failed_error_and_no_order()
    {
        var client = fixture.Client();
        var ready = await Checkouts.ReadyAsync(client);
        var id = ready["id"]!.GetValue<string>();
        var declined = (await Checkouts.CompleteAsync(client, id, Checkouts.Complete("fail_token"))).Json;
        Assert.Equal("incomplete", declined["status"]!.GetValue<string>());
        Assert.Null(declined["order"]);
        Assert.Contains(Checkouts.Messages(declined), m => m is { Code: "payment_failed", Path: "$.payment.instruments[0]", Type: "error" });

        // The platform may retry with another instrument.
        var completed = (await Checkouts.CompleteAsync(client, id, Checkouts.Complete("success_token"))).Json;
        Assert.Equal("completed", completed["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_payment_needing_buyer_action_escalates_with_a_continue_url()
    {
        var client = fixture.Client();
        var ready = await Checkouts.ReadyAsync(client);
        var escalated = (await Checkouts.CompleteAsync(client, ready["id"]!.GetValue<string>(), Checkouts.Complete("3ds_token"))).Json;
        Assert.Equal("requires_escalation", escalated["status"]!.GetValue<string>());
        Assert.NotNull(escalated["continue_url"]);
        var error = escalated["messages"]!.AsArray().Single(m => m!["code"]!.GetValue<string>() == "requires_3ds")!;
        Assert.Equal("requires_buyer_input", error["severity"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unadvertised_payment_handler_is_refused()
    {
        var client = fixture.Client();
        var ready = await Checkouts.ReadyAsync(client);
        var refused = (await Checkouts.CompleteAsync(client, ready["id"]!.GetValue<string>(), Checkouts.Complete(handlerId: "someone_else"))).Json;
        Assert.Equal("incomplete", refused["status"]!.GetValue<string>());
        Assert.Contains(Checkouts.Messages(refused), m => m.Path == "$.payment.instruments[0].handler_id");
    }

    [Fact]
    public async Task Terminal_sessions_refuse_changes_with_409()
    {
        var client = fixture.Client();
        var ready = await Checkouts.ReadyAsync(client);
        var id = ready["id"]!.GetValue<string>();
        await Checkouts.CompleteAsync(client, id, Checkouts.Complete());

        var update = await client.PutAsync($"/ucp/checkout-sessions/{id}", Checkouts.Update(ready));
        var again = await client.PostAsync($"/ucp/checkout-sessions/{id}/complete", Checkouts.Complete());
        var cancel = await client.PostAsync($"/ucp/checkout-sessions/{id}/cancel", null);
        foreach (var response in new[] { update, again, cancel })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.Status);
            Assert.Equal("checkout_completed", response.Json["code"]!.GetValue<string>());
        }

        var canceled = (await Checkouts.CreateAsync(client, Checkouts.Create())).Json;
        var canceledId = canceled["id"]!.GetValue<string>();
        var cancelResponse = await client.PostAsync($"/ucp/checkout-sessions/{canceledId}/cancel", "{}");
        SchemaAssert.Valid(cancelResponse.Text, UcpDocumentKind.CheckoutResponse, Checkouts.AllExtensions);
        Assert.Equal("canceled", cancelResponse.Json["status"]!.GetValue<string>());
        var completeCanceled = await client.PostAsync($"/ucp/checkout-sessions/{canceledId}/complete", Checkouts.Complete());
        Assert.Equal(HttpStatusCode.Conflict, completeCanceled.Status);
        Assert.Equal("checkout_canceled", completeCanceled.Json["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_checkouts_orders_and_items_are_error_responses_with_status_200()
    {
        var client = fixture.Client();
        var missing = await client.GetAsync("/ucp/checkout-sessions/chk_does_not_exist");
        var missingOrder = await client.GetAsync("/ucp/orders/ord_does_not_exist");
        var unknownItem = await client.PostAsync("/ucp/checkout-sessions", Checkouts.Create("no_such_item"));
        foreach (var (response, code) in new[] { (missing, "not_found"), (missingOrder, "not_found"), (unknownItem, "item_unavailable") })
        {
            Assert.Equal(HttpStatusCode.OK, response.Status);
            SchemaAssert.Valid(response.Text, UcpDocumentKind.ErrorResponse);
            Assert.Equal("error", response.Json["ucp"]!["status"]!.GetValue<string>());
            Assert.Equal(code, response.Json["messages"]![0]!["code"]!.GetValue<string>());
            Assert.Equal("unrecoverable", response.Json["messages"]![0]!["severity"]!.GetValue<string>());
        }

        Assert.Equal("$.line_items[0].item.id", unknownItem.Json["messages"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Out_of_stock_items_are_reported_on_their_line()
    {
        // tea_gift_box has no stock in the sample dataset.
        var response = await Checkouts.CreateAsync(fixture.Client(), Checkouts.Create("tea_gift_box", 1));
        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Contains(Checkouts.Messages(response.Json), m => m is { Code: "out_of_stock", Path: "$.line_items[0]", Type: "error" });
    }

    [Fact]
    public async Task Free_shipping_promotion_zeroes_standard_shipping_and_says_so()
    {
        var client = fixture.Client();
        var created = (await Checkouts.CreateAsync(client, Checkouts.Create("pot_cast_iron", 1))).Json;
        var id = created["id"]!.GetValue<string>();
        var withAddress = (await Checkouts.UpdateAsync(client, id, Checkouts.Update(created, """{"fulfillment":{"methods":[{"type":"shipping","destinations":[{"street_address":"1 Main St","address_locality":"Austin","address_region":"TX","postal_code":"78701","address_country":"US"}]}]}}"""))).Json;
        var method = withAddress["fulfillment"]!["methods"]![0]!;
        Assert.Equal("dest_1", method["selected_destination_id"]!.GetValue<string>());
        var standard = method["groups"]![0]!["options"]!.AsArray().Single(o => o!["id"]!.GetValue<string>() == "ship-standard")!;
        Assert.Equal(0, standard["totals"]![0]!["amount"]!.GetValue<long>());
        Assert.Contains(Checkouts.Messages(withAddress), m => m is { Code: "free_shipping", Type: "info" });
    }

    [Fact]
    public async Task Without_the_fulfillment_extension_a_physical_cart_escalates_to_the_business_ui()
    {
        var client = fixture.Client("no-fulfillment");
        var body = Checkouts.Create();
        var response = await client.PostAsync("/ucp/checkout-sessions", body);
        SchemaAssert.Valid(response.Text, UcpDocumentKind.CheckoutResponse, "dev.ucp.shopping.discount", "dev.ucp.shopping.buyer_consent");
        var checkout = response.Json;
        Assert.Null(checkout["fulfillment"]);
        Assert.False(checkout["ucp"]!["capabilities"]!.AsObject().ContainsKey("dev.ucp.shopping.fulfillment"));
        Assert.Equal("requires_escalation", checkout["status"]!.GetValue<string>());
        Assert.NotNull(checkout["continue_url"]);
        Assert.Contains(checkout["messages"]!.AsArray(), m => m!["severity"]?.GetValue<string>() == "requires_buyer_input");
    }

    [Fact]
    public async Task Another_platform_cannot_read_a_checkout_or_order()
    {
        var ready = await Checkouts.ReadyAsync(fixture.Client());
        var id = ready["id"]!.GetValue<string>();
        var completed = (await Checkouts.CompleteAsync(fixture.Client(), id, Checkouts.Complete())).Json;
        var other = fixture.Client("other-platform");
        var checkout = await other.GetAsync($"/ucp/checkout-sessions/{id}");
        var order = await other.GetAsync($"/ucp/orders/{completed["order"]!["id"]!.GetValue<string>()}");
        Assert.Equal("not_found", checkout.Json["messages"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("not_found", order.Json["messages"]![0]!["code"]!.GetValue<string>());
    }
}
