using System.Net;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Checkout;

/// <summary>Bad input gets a clear protocol error with the right status, never a 500 or a stack trace.</summary>
public sealed class BadInputTests(UcpFixture fixture) : IClassFixture<UcpFixture>
{
    public static TheoryData<string, string?> MalformedCreates => new()
    {
        { "{not json", null },
        { "", "$" },
        { "null", "$" },
        { "[]", "$" },
        { "42", "$" },
        { """{"line_items":"many"}""", "$.line_items" },
        { """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":"two"}]}""", "$.line_items[0].quantity" },
        { """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1.5}]}""", "$.line_items[0].quantity" },
        { """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":0}]}""", "$.line_items[0].quantity" },
        { """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":-3}]}""", "$.line_items[0].quantity" },
        { """{"line_items":[{"item":{"id":"tea_sencha"}}]}""", "$.line_items[0].quantity" },
        { """{"line_items":[{"quantity":1}]}""", "$.line_items[0].item" },
        { """{"line_items":[{"item":{},"quantity":1}]}""", "$.line_items[0].item.id" },
        { """{"line_items":[{"item":{"id":""},"quantity":1}]}""", "$.line_items[0].item.id" },
        { """{"line_items":[null]}""", "$.line_items[0]" },
        { """{"line_items":[]}""", "$.line_items" },
        { """{"buyer":{"email":"a@b.c"}}""", "$.line_items" },
        { """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}],"buyer":"ada"}""", "$.buyer" },
        { """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}],"discounts":{"codes":[1]}}""", "$.discounts.codes[0]" },
        { """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}],"fulfillment":{"methods":[{"type":"teleport"}]}}""", "$.fulfillment.methods[0].type" },
        { """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}],"line_items":[]}""", null },

        // Members that may also be null ("type": ["string", "null"]).
        { """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}],"fulfillment":{"methods":[{"type":"shipping","selected_destination_id":5}]}}""", "$.fulfillment.methods[0].selected_destination_id" },
        { """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}],"fulfillment":{"methods":[{"type":"shipping","groups":[{"selected_option_id":5}]}]}}""", "$.fulfillment.methods[0].groups[0].selected_option_id" },
        { """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}],"fulfillment":{"methods":[{"type":"shipping","groups":[{"selected_option_id":{}}]}]}}""", "$.fulfillment.methods[0].groups[0].selected_option_id" },
    };

    [Theory]
    [MemberData(nameof(MalformedCreates))]
    public async Task Malformed_creates_get_400_with_a_path(string body, string? path)
    {
        var response = await fixture.Client().PostAsync("/ucp/checkout-sessions", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request", response.Json["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(response.Json["content"]!.GetValue<string>()));
        if (path is not null)
        {
            Assert.Equal(path, response.Json["path"]!.GetValue<string>());
        }

        Assert.DoesNotContain("Exception", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrongly_typed_nullable_member_is_explained_with_its_type()
    {
        var client = fixture.Client();
        var created = (await Checkouts.CreateAsync(client, Checkouts.Create())).Json;
        var body = Checkouts.Update(created, """{"fulfillment":{"methods":[{"type":"shipping","selected_destination_id":"addr_ada_work"}]}}""")
            .Replace("\"addr_ada_work\"", "5", StringComparison.Ordinal);

        var response = await client.PutAsync($"/ucp/checkout-sessions/{created["id"]!.GetValue<string>()}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(("invalid_request", "$.fulfillment.methods[0].selected_destination_id"), (response.Json["code"]!.GetValue<string>(), response.Json["path"]!.GetValue<string>()));
        Assert.Equal("selected_destination_id must be a string or null.", response.Json["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_non_json_media_type_is_415()
    {
        var response = await fixture.Client().SendAsync(HttpMethod.Post, "/ucp/checkout-sessions", Checkouts.Create(), Guid.NewGuid().ToString(), "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal("unsupported_media_type", response.Json["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_oversized_body_is_413()
    {
        var padding = new string('x', 2 * 1024 * 1024);
        var response = await fixture.Client().PostAsync("/ucp/checkout-sessions", $$"""{"line_items":[],"pad":"{{padding}}"}""");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal("request_too_large", response.Json["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bad_update_leaves_the_checkout_as_it_was()
    {
        var client = fixture.Client();
        var created = (await Checkouts.CreateAsync(client, Checkouts.Create("tea_sencha", 2))).Json;
        var id = created["id"]!.GetValue<string>();
        var bad = await client.PutAsync($"/ucp/checkout-sessions/{id}", """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":"lots"}]}""");
        var unknown = await client.PutAsync($"/ucp/checkout-sessions/{id}", """{"line_items":[{"item":{"id":"ghost"},"quantity":1}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal("item_unavailable", unknown.Json["messages"]![0]!["code"]!.GetValue<string>());

        var after = await client.GetAsync($"/ucp/checkout-sessions/{id}");
        Assert.Equal(2, after.Json["line_items"]![0]!["quantity"]!.GetValue<int>());
        Assert.Equal(created["totals"]!.ToJsonString(), after.Json["totals"]!.ToJsonString());
    }

    [Fact]
    public async Task Complete_without_payment_is_400()
    {
        var client = fixture.Client();
        var created = (await Checkouts.CreateAsync(client, Checkouts.Create())).Json;
        var response = await client.PostAsync($"/ucp/checkout-sessions/{created["id"]!.GetValue<string>()}/complete", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("$.payment", response.Json["path"]!.GetValue<string>());
    }
}
