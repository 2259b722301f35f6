using System.Net;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Negotiation;

/// <summary>A production-like host (no loopback option): a UCP-Agent pointing at this machine is refused before any connection.</summary>
public sealed class ProfileFetchSafetyTests(ProfileFetchSafetyTests.ProductionLikeFixture fixture) : IClassFixture<ProfileFetchSafetyTests.ProductionLikeFixture>
{
    [Theory]
    [InlineData("https://127.0.0.1:{port}/profiles/full")]
    [InlineData("https://localhost:{port}/profiles/full")]
    public async Task A_profile_on_a_loopback_address_is_not_fetched(string template)
    {
        var url = template.Replace("{port}", fixture.Platform.BaseUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var response = await fixture.Client().SendAsync(HttpMethod.Post, "/ucp/catalog/search", """{"query":"tea"}""", null, agentOverride: $"profile=\"{url}\"");

        Assert.Equal(HttpStatusCode.FailedDependency, response.Status);
        Assert.Equal(("profile_unreachable", "The platform profile could not be fetched."), (response.Json["code"]!.GetValue<string>(), response.Json["content"]!.GetValue<string>()));
        lock (fixture.Platform.Fetches)
        {
            Assert.Empty(fixture.Platform.Fetches);
        }
    }

    public sealed class ProductionLikeFixture() : UcpFixture(new Dictionary<string, string> { ["WixUcp:Negotiation:AllowInsecureLoopbackProfiles"] = "false" });
}
