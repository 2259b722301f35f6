using System.Net;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.AspNetCore.Tests.Schemas;

namespace WixUcp.AspNetCore.Tests.Negotiation;

/// <summary>Negotiation by the specification's rules (Strict mode); what Tolerant mode accepts is in <see cref="TolerantNegotiationTests"/>.</summary>
public sealed class NegotiationTests(StrictUcpFixture fixture) : IClassFixture<StrictUcpFixture>
{
    public static TheoryData<string> InvalidAgents => new()
    {
        "",
        "profile=https://platform.example/profile",
        "profile=\"not a url\"",
        "profile=\"/relative/profile\"",
        "profile=\"http://platform.example/profile\"",
        "profile=\"ftp://platform.example/profile\"",
        "profile=\"https://user:pass@platform.example/profile\"",
        "Profile=\"https://platform.example/profile\"",
        "version=\"2026-04-08\"",
        "profile=\"https://platform.example/profile\", ,",
    };

    [Theory]
    [MemberData(nameof(InvalidAgents))]
    public async Task Invalid_ucp_agent_headers_are_invalid_profile_url_400(string agent)
    {
        var response = await fixture.Client().SendAsync(HttpMethod.Post, "/ucp/catalog/search", """{"query":"tea"}""", null, agentOverride: agent);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_profile_url", response.Json["code"]!.GetValue<string>());
        Assert.NotNull(response.Json["continue_url"]);
    }

    [Theory]
    [InlineData("server-error", HttpStatusCode.FailedDependency, "profile_unreachable")]
    [InlineData("redirect", HttpStatusCode.FailedDependency, "profile_unreachable")]
    [InlineData("missing-profile", HttpStatusCode.FailedDependency, "profile_unreachable")]
    [InlineData("slow", HttpStatusCode.FailedDependency, "profile_unreachable")]
    [InlineData("not-json", HttpStatusCode.UnprocessableEntity, "profile_malformed")]
    [InlineData("no-services", HttpStatusCode.UnprocessableEntity, "profile_malformed")]
    [InlineData("no-payment-handlers", HttpStatusCode.UnprocessableEntity, "profile_malformed")]
    [InlineData("old-version", HttpStatusCode.UnprocessableEntity, "version_unsupported")]   // 2026-05-01: April's rules, 422
    [InlineData("pre-january", HttpStatusCode.BadRequest, "version_unsupported")]            // 2025-12-01: January's rules, 400
    public async Task Profile_problems_get_the_spec_codes(string profile, HttpStatusCode status, string code)
    {
        var response = await fixture.Client(profile).PostAsync("/ucp/catalog/search", """{"query":"tea"}""", idempotencyKey: null);
        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.Json["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_platform_sharing_no_needed_capability_gets_capabilities_incompatible_with_status_200()
    {
        var response = await fixture.Client("checkout-only").PostAsync("/ucp/catalog/search", """{"query":"tea"}""", idempotencyKey: null);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        SchemaAssert.Valid(response.Text, UcpDocumentKind.ErrorResponse);
        Assert.Equal("capabilities_incompatible", response.Json["messages"]![0]!["code"]!.GetValue<string>());

        // Extensions without their parent are pruned, leaving nothing for checkout.
        var checkout = await fixture.Client("extensions-only").PostAsync("/ucp/checkout-sessions", Checkouts.Create());
        Assert.Equal(HttpStatusCode.OK, checkout.Status);
        Assert.Equal("capabilities_incompatible", checkout.Json["messages"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_platform_declaring_only_orders_gets_capabilities_incompatible_for_checkout()
    {
        var checkout = await fixture.Client("order-only").PostAsync("/ucp/checkout-sessions", Checkouts.Create());

        Assert.Equal(HttpStatusCode.OK, checkout.Status);
        Assert.Equal("capabilities_incompatible", checkout.Json["messages"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Extensions_the_platform_lacks_are_left_out_of_the_response()
    {
        var response = await fixture.Client("no-discount").PostAsync("/ucp/checkout-sessions", """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}],"discounts":{"codes":["STEEP10"]}}""");
        SchemaAssert.Valid(response.Text, UcpDocumentKind.CheckoutResponse, "dev.ucp.shopping.fulfillment", "dev.ucp.shopping.buyer_consent");
        Assert.Null(response.Json["discounts"]);
        Assert.Equal(0, Checkouts.TotalOf(response.Json, "discount"));
        Assert.False(response.Json["ucp"]!["capabilities"]!.AsObject().ContainsKey("dev.ucp.shopping.discount"));
    }

    [Fact]
    public async Task Platform_profiles_are_fetched_once_and_cached()
    {
        var client = fixture.Client("other-platform");
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsync("/ucp/catalog/search", """{"query":"tea"}""", idempotencyKey: null);
            Assert.Equal(HttpStatusCode.OK, response.Status);
        }

        lock (fixture.Platform.Fetches)
        {
            Assert.Equal(1, fixture.Platform.Fetches["other-platform"]);
        }
    }

    [Fact]
    public async Task A_failing_profile_is_not_fetched_again_for_every_request()
    {
        var client = fixture.Client("server-error-cached");
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsync("/ucp/catalog/search", """{"query":"tea"}""", idempotencyKey: null);
            Assert.Equal(HttpStatusCode.FailedDependency, response.Status);
            Assert.Equal("profile_unreachable", response.Json["code"]!.GetValue<string>());
        }

        lock (fixture.Platform.Fetches)
        {
            Assert.Equal(1, fixture.Platform.Fetches["server-error-cached"]);
        }
    }

    [Fact]
    public async Task Parameters_and_other_members_in_the_header_are_tolerated()
    {
        var agent = $"{fixture.Platform.Agent()}; version=\"2026-04-08\", other=?1";
        var response = await fixture.Client().SendAsync(HttpMethod.Post, "/ucp/catalog/search", """{"query":"tea"}""", null, agentOverride: agent);
        Assert.Equal(HttpStatusCode.OK, response.Status);
    }
}
