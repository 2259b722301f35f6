using System.Net;
using System.Text;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Hosting;

/// <summary>
/// The sample host as a real process behind a "proxy" on loopback: <c>X-Forwarded-Host</c> decides the
/// <c>@authority</c> a request signature is checked against only when loopback is a configured trusted proxy.
/// </summary>
public sealed class ForwardedHeadersTests : IAsyncLifetime
{
    private const string Search = """{"query":"tea"}""";
    private readonly FakePlatform _platform = new();
    private SampleHostProcess? _trusting;
    private SampleHostProcess? _untrusting;

    public async ValueTask InitializeAsync()
    {
        await _platform.InitializeAsync();
        var environment = new Dictionary<string, string>
        {
            ["WixUcp__PublicBaseUrl"] = "https://shop.test/",
            ["WixUcp__Signing__PrivateKeyPem"] = UcpAppFactory.SigningKeyPem,
            ["WixUcp__Auth__ApiKeyPepper"] = UcpAppFactory.ApiKeyPepper,
            ["WixUcp__Negotiation__AllowInsecureLoopbackProfiles"] = "true",
            ["Sample__ServeDemoPlatformProfile"] = "false",
        };
        var hosts = await Task.WhenAll(
            SampleHostProcess.StartAsync(new Dictionary<string, string>(environment) { ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1" }),
            SampleHostProcess.StartAsync(environment));
        (_trusting, _untrusting) = (hosts[0], hosts[1]);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new[] { _trusting, _untrusting })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        await _platform.DisposeAsync();
    }

    [Fact]
    public async Task A_forwarded_host_counts_only_from_a_trusted_proxy()
    {
        var viaTrusted = await SendSignedAsync(_trusting!, authority: "shop.test", forwardedHost: "shop.test");
        var viaUntrusted = await SendSignedAsync(_untrusting!, authority: "shop.test", forwardedHost: "shop.test");
        var direct = await SendSignedAsync(_untrusting!, authority: _untrusting!.BaseUrl.Authority, forwardedHost: null);

        Assert.Equal(HttpStatusCode.OK, viaTrusted.Status);
        Assert.Equal((HttpStatusCode.Unauthorized, "signature_invalid"), (viaUntrusted.Status, viaUntrusted.Json["code"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, direct.Status);
    }

    private async Task<UcpResponse> SendSignedAsync(SampleHostProcess host, string authority, string? forwardedHost)
    {
        using var client = host.Client();
        using var request = RequestSigner.SignedPost(
            _platform.SigningKey, FakePlatform.SigningKeyId, authority, "/ucp/catalog/search", _platform.Agent("signed"), Encoding.UTF8.GetBytes(Search));
        if (forwardedHost is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-Host", forwardedHost);
            request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
        }

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return new UcpResponse(response.StatusCode, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), response);
    }
}
