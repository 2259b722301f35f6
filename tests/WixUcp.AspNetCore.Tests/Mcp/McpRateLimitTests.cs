using System.Net;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using WixUcp.AspNetCore.Tests.Authentication;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.AspNetCore.Tests.RateLimiting;

namespace WixUcp.AspNetCore.Tests.Mcp;

/// <summary>Tool calls count against the same budgets as REST calls (catalog 3, checkout 2 per window in this fixture).</summary>
public sealed class McpRateLimitTests(RateLimitedFixture fixture) : IClassFixture<RateLimitedFixture>
{
    private McpCaller AsPlatform(string platform)
    {
        var caller = new McpCaller(fixture.App.CreateClient(), fixture.Platform.ProfileUrl(FakePlatform.AllCapabilities));
        caller.Headers["Authorization"] = "Bearer " + Tokens.Create(Tokens.HsKey(), SecurityAlgorithms.HmacSha256, caller.Profile.AbsoluteUri, subject: platform);
        return caller;
    }

    [Fact]
    public async Task Tool_calls_share_the_rest_budget_and_a_refusal_carries_429_retry_after_and_data()
    {
        var caller = AsPlatform("platform_mcp_budget");
        var rest = fixture.AsPlatform("platform_mcp_budget");
        var search = new JsonObject { ["query"] = "tea" };

        var first = await caller.CallAsync("search_catalog", new() { ["catalog"] = search.DeepClone() });
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("3", first.Headers["X-RateLimit-Limit"]);
        Assert.Equal("2", first.Headers["X-RateLimit-Remaining"]);
        Assert.Equal(HttpStatusCode.OK, (await rest.PostAsync("/ucp/catalog/search", """{"query":"tea"}""", idempotencyKey: null)).Status);
        Assert.Equal(HttpStatusCode.OK, (await caller.CallAsync("search_products", new() { ["catalog"] = search.DeepClone() })).Status);

        var refused = await caller.CallAsync("lookup_catalog", new() { ["catalog"] = new JsonObject { ["ids"] = new JsonArray("tea_sencha") } });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(-32000, refused.Error!["code"]!.GetValue<int>());
        Assert.Equal("rate_limit_exceeded", refused.Error["data"]!["code"]!.GetValue<string>());
        var retryAfter = refused.Error["data"]!["retry_after"]!.GetValue<int>();
        Assert.InRange(retryAfter, 1, 120);   // a sliding window: up to two windows
        Assert.Equal(retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Headers["Retry-After"]);

        // Another platform has its own budget; checkout tools theirs.
        Assert.Equal(HttpStatusCode.OK, (await AsPlatform("platform_mcp_other").CallAsync("search_catalog", new() { ["catalog"] = search.DeepClone() })).Status);
        Assert.Equal(HttpStatusCode.OK, (await caller.CallAsync("create_checkout", new() { ["checkout"] = JsonNode.Parse(Checkouts.Create()) })).Status);
    }

    [Fact]
    public async Task Methods_other_than_tool_calls_count_against_the_profile_budget()
    {
        var caller = AsPlatform("platform_mcp_listing");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await caller.SendAsync("tools/list")).Status);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);
    }
}
