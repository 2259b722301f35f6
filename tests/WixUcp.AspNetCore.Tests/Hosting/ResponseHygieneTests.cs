using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Hosting;

public sealed class ResponseHygieneTests(UcpFixture fixture) : IClassFixture<UcpFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Checkout_responses_are_never_cached_and_never_sniffed()
    {
        var created = await fixture.Client().PostAsync("/ucp/checkout-sessions", Checkouts.Create());
        var search = await fixture.Client().PostAsync("/ucp/catalog/search", """{"query":"tea"}""", idempotencyKey: null);

        Assert.True(created.Message.Headers.CacheControl!.NoStore);
        Assert.Equal("nosniff", created.Header("X-Content-Type-Options"));
        Assert.Equal("nosniff", search.Header("X-Content-Type-Options"));
        Assert.Null(search.Message.Headers.CacheControl);
    }

    [Theory]
    [InlineData("GET", "/ucp/nothing-here", HttpStatusCode.NotFound, "not_found", null)]
    [InlineData("GET", "/ucp/checkout-sessions/chk_1/refund", HttpStatusCode.NotFound, "not_found", null)]
    [InlineData("DELETE", "/ucp/checkout-sessions/chk_1", HttpStatusCode.MethodNotAllowed, "method_not_allowed", "GET, PUT")]
    [InlineData("GET", "/ucp/catalog/search", HttpStatusCode.MethodNotAllowed, "method_not_allowed", "POST")]
    public async Task The_servers_own_404_and_405_carry_UCP_error_bodies(string method, string path, HttpStatusCode status, string code, string? allow)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        var response = await fixture.App.CreateClient().SendAsync(request, Ct);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, body["code"]!.GetValue<string>());
        Assert.Equal(allow, response.Content.Headers.Allow.Count == 0 ? null : string.Join(", ", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task A_forged_Host_header_never_reaches_an_absolute_url()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/ucp");
        request.Headers.Host = "evil.example";
        var response = await fixture.App.CreateClient().SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
        Assert.Contains("https://shop.test/ucp", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "WixUcp:PublicBaseUrl must be set")]
    [InlineData("http://shop.example/", "must be https://")]
    public void Outside_Development_start_up_needs_an_https_public_url(string? publicBaseUrl, string message)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Services.AddWixUcp(o => o.PublicBaseUrl = publicBaseUrl is null ? null : new Uri(publicBaseUrl))
            .AddSandboxStore(o => o.DataDirectory = Path.Combine(SharedData.RepositoryRoot()!.FullName, "samples", "WixUcp.SampleHost", "data", "sandbox"));
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapWixUcp());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
