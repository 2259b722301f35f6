extern alias FakeWix;

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FakeWix::WixUcp.FakeWix;
using Microsoft.Extensions.DependencyInjection;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.Authentication;

namespace WixUcp.AspNetCore.Tests.Wix;

/// <summary>
/// One deployment, two Wix sites at once: the configured site (V3, USD) and a site that installed the app (V1, JPY),
/// each reached through API keys bound to its store.
/// </summary>
public sealed class WixMultiSiteTests : IAsyncLifetime
{
    private readonly FakePlatform _platform = new();
    private FakeWixServer? _wix;
    private UcpAppFactory? _app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _platform.InitializeAsync();
        _wix = await FakeWixServer.StartAsync(ct: Ct);
        _app = new UcpAppFactory(new Dictionary<string, string>
        {
            ["WixUcp:Auth:Enabled"] = "true",
            ["WixUcp:Backend"] = "Wix",
            ["WixUcp:Wix:BaseUrl"] = _wix.BaseUrl.AbsoluteUri,
            ["WixUcp:Wix:AppId"] = FakeWixState.SeededAppId,
            ["WixUcp:Wix:AppSecret"] = FakeWixState.SeededAppSecret,
            ["WixUcp:Wix:InstanceId"] = "fake-instance-1",
            ["WixUcp:Wix:WebhookPublicKeyPem"] = _wix.State.WebhookPublicKeyPem,
            ["Sample:SandboxPaymentCapture"] = "true",
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_wix is not null)
        {
            await _wix.DisposeAsync();
        }

        await _platform.DisposeAsync();
    }

    private async Task<UcpClient> ClientForAsync(string? instance)
    {
        var (key, _) = await _app!.Services.GetRequiredService<ApiKeyIssuer>().IssueAsync(
            "platform_multi", [_platform.ProfileUrl(FakePlatform.AllCapabilities).AbsoluteUri], [.. UcpPermissions.All], null, Ct, instance);
        var http = _app.CreateClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("X-API-Key", key);
        return new UcpClient(http, _platform.Agent());
    }

    [Fact]
    public async Task Each_key_shops_its_own_store_and_a_store_that_never_installed_the_app_is_refused()
    {
        // The second site installs the app: Wix tells the server by webhook.
        var installed = await _wix!.State.SendWebhookAsync("AppInstalled", "fake-instance-2", null, null, Ct);
        using (var content = new StringContent(installed.Jwt, Encoding.UTF8))
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            Assert.Equal(HttpStatusCode.OK, (await _app!.CreateClient().PostAsync(new Uri("/wix/webhooks", UriKind.Relative), content, Ct)).StatusCode);
        }

        var first = await ClientForAsync(instance: null);
        var second = await ClientForAsync("fake-instance-2");

        var mugs = (await first.PostAsync("/ucp/catalog/search", """{"query":"mug"}""", idempotencyKey: null)).Json["products"]!.AsArray();
        var whisks = (await second.PostAsync("/ucp/catalog/search", """{"query":"whisk"}""", idempotencyKey: null)).Json["products"]!.AsArray();
        Assert.Equal("prod-mug", Assert.Single(mugs)!["id"]!.GetValue<string>());
        Assert.Equal("v1-whisk", Assert.Single(whisks)!["id"]!.GetValue<string>());
        Assert.Empty((await second.PostAsync("/ucp/catalog/search", """{"query":"mug"}""", idempotencyKey: null)).Json["products"]!.AsArray());

        // Checkouts on both at once, each in its store's currency, each a checkout of its own site.
        var usd = (await Checkouts.CreateAsync(first, """{"line_items":[{"item":{"id":"prod-tote:var-tote"},"quantity":1}]}""")).Json;
        var jpy = (await Checkouts.CreateAsync(second, """{"line_items":[{"item":{"id":"v1-whisk"},"quantity":1}]}""")).Json;
        Assert.Equal(("USD", 2450L), (usd["currency"]!.GetValue<string>(), Checkouts.TotalOf(usd, "total")));
        Assert.Equal(("JPY", 2500L), (jpy["currency"]!.GetValue<string>(), Checkouts.TotalOf(jpy, "total")));
        Assert.Single(_wix.State.Requests, r => r.Method == "POST" && r.Path == "/ecom/v1/checkouts" && r.InstanceId == "fake-instance-1");
        Assert.Single(_wix.State.Requests, r => r.Method == "POST" && r.Path == "/ecom/v1/checkouts" && r.InstanceId == "fake-instance-2");

        // A store's checkouts are not another store's.
        Assert.Equal("error", (await second.GetAsync("/ucp/checkout-sessions/" + usd["id"]!.GetValue<string>())).Json["ucp"]!["status"]!.GetValue<string>());

        // Both ship, both complete through the processor outside Wix, each order placed and paid in its own site.
        const string Ship = """{"buyer":{"email":"ada@example.com"},"fulfillment":{"methods":[{"type":"shipping","destinations":[{"id":"home","street_address":"1 Main St","address_locality":"Austin","address_region":"TX","postal_code":"78701","address_country":"US"}],"selected_destination_id":"home","groups":[{"id":"fg_1","selected_option_id":"standard"}]}]}}""";
        var usdReady = (await Checkouts.UpdateAsync(first, usd["id"]!.GetValue<string>(), Checkouts.Update(usd, Ship))).Json;
        var jpyReady = (await Checkouts.UpdateAsync(second, jpy["id"]!.GetValue<string>(), Checkouts.Update(jpy, Ship))).Json;
        Assert.Equal(2450L + 500, Checkouts.TotalOf(usdReady, "total"));
        Assert.Equal(2500L + 800, Checkouts.TotalOf(jpyReady, "total"));
        var usdOrder = (await Checkouts.CompleteAsync(first, usd["id"]!.GetValue<string>(), Checkouts.Complete())).Json["order"]!["id"]!.GetValue<string>();
        var jpyOrder = (await Checkouts.CompleteAsync(second, jpy["id"]!.GetValue<string>(), Checkouts.Complete())).Json["order"]!["id"]!.GetValue<string>();
        Assert.Single(_wix.State.Requests, r => r.Path == $"/ecom/v1/payments/orders/{usdOrder}/add-payment" && r.InstanceId == "fake-instance-1" && r.Body!.Contains("\"amount\":\"29.50\"", StringComparison.Ordinal));
        Assert.Single(_wix.State.Requests, r => r.Path == $"/ecom/v1/payments/orders/{jpyOrder}/add-payment" && r.InstanceId == "fake-instance-2" && r.Body!.Contains("\"amount\":\"3300\"", StringComparison.Ordinal));
        var jpyRead = (await second.GetAsync("/ucp/orders/" + jpyOrder)).Json;
        Assert.Equal(("JPY", 3300L), (jpyRead["currency"]!.GetValue<string>(), Checkouts.TotalOf(jpyRead, "total")));
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/ucp/orders/" + usdOrder)).Status);
        Assert.Equal("not_found", (await second.GetAsync("/ucp/orders/" + usdOrder)).Json["messages"]![0]!["code"]!.GetValue<string>());

        // Discovery is the deployment's: its capabilities, handlers and keys hold for every site it serves.
        var profile = await first.GetAsync("/.well-known/ucp");
        Assert.Equal(HttpStatusCode.OK, profile.Status);
        Assert.NotEmpty(profile.Json["ucp"]!["payment_handlers"]!.AsObject());

        // A key bound to a store that never installed the app gets no Wix call made for it.
        var stranger = await ClientForAsync("fake-instance-404");
        var refused = await stranger.PostAsync("/ucp/catalog/search", """{"query":"mug"}""", idempotencyKey: null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.DoesNotContain(_wix.State.Requests, r => r.InstanceId == "fake-instance-404");
    }
}
