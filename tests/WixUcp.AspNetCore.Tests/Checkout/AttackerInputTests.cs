using System.Net;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Checkout;

/// <summary>The inputs an attacker tried against the foundation, each now refused with a UCP error and nothing stored.</summary>
public sealed class AttackerInputTests(UcpFixture fixture) : IClassFixture<UcpFixture>
{
    [Theory]
    [InlineData("{\"email\":\"not-an-email\"}", "$.buyer.email", "context")]
    [InlineData("{\"email\":\"ada@example.com\"}", "$.context.address_country", "{\"address_country\":\"USA\"}")]
    [InlineData("{\"email\":\"ada@example.com\"}", "$.context.currency", "{\"currency\":\"dollars\"}")]
    public async Task Formatted_members_are_checked_and_named(string buyer, string path, string context)
    {
        var contextMember = context == "context" ? "" : ",\"context\":" + context;
        var response = await fixture.Client().PostAsync("/ucp/checkout-sessions", "{\"line_items\":[{\"item\":{\"id\":\"tea_sencha\"},\"quantity\":1}],\"buyer\":" + buyer + contextMember + "}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(("invalid_request", path), (response.Json["code"]!.GetValue<string>(), response.Json["path"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Text_is_stored_trimmed_and_normalised()
    {
        var response = await Checkouts.CreateAsync(fixture.Client(), "{\"line_items\":[{\"item\":{\"id\":\"tea_sencha\"},\"quantity\":1}],\"buyer\":{\"email\":\" ada@example.com \",\"first_name\":\"  Ade\\u0301le \"}}");

        Assert.Equal("ada@example.com", response.Json["buyer"]!["email"]!.GetValue<string>());
        Assert.Equal("Ad\u00e9le", response.Json["buyer"]!["first_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_huge_buyer_name_is_refused_not_stored()
    {
        var name = new string('x', 100_000);
        var response = await fixture.Client().PostAsync("/ucp/checkout-sessions", "{\"line_items\":[{\"item\":{\"id\":\"tea_sencha\"},\"quantity\":1}],\"buyer\":{\"first_name\":\"" + name + "\"}}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(("request_too_large", "$.buyer.first_name"), (response.Json["code"]!.GetValue<string>(), response.Json["path"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(11, "$.discounts.codes")]
    [InlineData(10_000, "$.discounts.codes[100]")]
    public async Task Too_many_discount_codes_are_refused(int count, string path)
    {
        var codes = string.Join(",", Enumerable.Range(0, count).Select(i => $"\"C{i}\""));
        var response = await fixture.Client().PostAsync("/ucp/checkout-sessions", "{\"line_items\":[{\"item\":{\"id\":\"tea_sencha\"},\"quantity\":1}],\"discounts\":{\"codes\":[" + codes + "]}}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(path, response.Json["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_null_selected_option_is_a_bad_request_not_a_500()
    {
        var response = await fixture.Client().PostAsync("/ucp/catalog/product", """{"id":"tea_sencha","selected":[null]}""", idempotencyKey: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("$.selected[0]", response.Json["path"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("application/jsonx")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("text/json")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Media_types_other_than_utf8_json_are_415(string contentType)
    {
        var response = await fixture.Client().SendAsync(HttpMethod.Post, "/ucp/catalog/search", """{"query":"tea"}""", null, contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal("unsupported_media_type", response.Json["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/merge-patch+json")]
    public async Task Utf8_json_media_types_are_accepted(string contentType)
    {
        var response = await fixture.Client().SendAsync(HttpMethod.Post, "/ucp/catalog/search", """{"query":"tea"}""", null, contentType);

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }
}
