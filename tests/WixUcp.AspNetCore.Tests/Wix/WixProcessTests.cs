extern alias FakeWix;

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FakeWix::WixUcp.FakeWix;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Wix;

/// <summary>The sample host as a process on the Wix backend, with the fake Wix posting its webhooks to it over HTTP.</summary>
public sealed class WixProcessTests : IAsyncLifetime
{
    private readonly FakePlatform _platform = new();
    private FakeWixServer? _wix;
    private SampleHostProcess? _host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _platform.InitializeAsync();
        _wix = await FakeWixServer.StartAsync(ct: Ct);
        _host = await SampleHostProcess.StartAsync(new Dictionary<string, string>
        {
            ["WixUcp__PublicBaseUrl"] = "https://shop.test/",
            ["WixUcp__Signing__PrivateKeyPem"] = UcpAppFactory.SigningKeyPem,
            ["WixUcp__Auth__ApiKeyPepper"] = UcpAppFactory.ApiKeyPepper,
            ["WixUcp__Negotiation__AllowInsecureLoopbackProfiles"] = "true",
            ["Sample__ServeDemoPlatformProfile"] = "false",
            ["UCP_AUTH_ENABLED"] = "false",
            ["WixUcp__Backend"] = "Wix",
            ["WixUcp__Wix__BaseUrl"] = _wix.BaseUrl.AbsoluteUri,
            ["WixUcp__Wix__AppId"] = FakeWixState.SeededAppId,
            ["WixUcp__Wix__AppSecret"] = FakeWixState.SeededAppSecret,
            ["WixUcp__Wix__InstanceId"] = "fake-instance-1",
            ["WixUcp__Wix__WebhookPublicKeyPem"] = _wix.State.WebhookPublicKeyPem,
            ["Sample__SandboxPaymentCapture"] = "true",
        });
        _wix.State.WebhookUrl = new Uri(_host.BaseUrl, "wix/webhooks");
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_wix is not null)
        {
            await _wix.DisposeAsync();
        }

        await _platform.DisposeAsync();
    }

    [Fact]
    public async Task Wix_posts_a_fulfillment_to_the_host_which_answers_in_time_and_the_order_shows_it_shipped()
    {
        Task<HostResponse> Send(HttpMethod method, string path, string? body) => HostCalls.SendAsync(_host!, _platform, method, path, body);

        var created = await Send(HttpMethod.Post, "/ucp/checkout-sessions", """{"line_items":[{"item":{"id":"prod-beans:var-beans"},"quantity":2}],"buyer":{"email":"ada@example.com"}}""");
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var id = created.Json["id"]!.GetValue<string>();
        var ready = await Send(HttpMethod.Put, "/ucp/checkout-sessions/" + id, Checkouts.Update(created.Json,
            """{"fulfillment":{"methods":[{"type":"shipping","destinations":[{"id":"home","street_address":"1 Main St","address_locality":"Austin","address_region":"TX","postal_code":"78701","address_country":"US"}],"selected_destination_id":"home","groups":[{"id":"fg_1","selected_option_id":"standard"}]}]}}"""));
        Assert.Equal("ready_for_complete", ready.Json["status"]!.GetValue<string>());
        var completed = await Send(HttpMethod.Post, $"/ucp/checkout-sessions/{id}/complete", Checkouts.Complete());
        Assert.Equal("completed", completed.Json["status"]!.GetValue<string>());
        var orderId = completed.Json["order"]!["id"]!.GetValue<string>();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_wix!.State.GetOrder(orderId)?["status"]?.GetValue<string>() != "APPROVED" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        // The merchant ships in Wix; Wix posts the event to the host itself.
        using var wixApi = new HttpClient { BaseAddress = _wix.BaseUrl };
        using var grant = await wixApi.PostAsync(new Uri("oauth2/token", UriKind.Relative), new StringContent("""{"grant_type":"client_credentials","client_id":"fake-app","client_secret":"fake-secret","instance_id":"fake-instance-1"}""", Encoding.UTF8, "application/json"), Ct);
        var token = (await grant.Content.ReadFromJsonAsync<JsonObject>(Ct))!["access_token"]!.GetValue<string>();
        var line = _wix.State.GetOrder(orderId)!["lineItems"]![0]!["id"]!.GetValue<string>();
        using var fulfill = new HttpRequestMessage(HttpMethod.Post, $"ecom/v1/fulfillments/orders/{orderId}/create-fulfillment")
        {
            Content = new StringContent("""{"fulfillment":{"lineItems":[{"id":"LINE","quantity":2}],"trackingInfo":{"trackingNumber":"TRK42","shippingProvider":"USPS"}}}""".Replace("LINE", line, StringComparison.Ordinal), Encoding.UTF8, "application/json"),
        };
        fulfill.Headers.TryAddWithoutValidation("Authorization", token);
        Assert.Equal(HttpStatusCode.OK, (await wixApi.SendAsync(fulfill, Ct)).StatusCode);

        var delivered = await _wix.State.WaitForWebhookAsync(d => d.EventType == "wix.ecom.v1.fulfillments_updated" && d.EntityId == orderId, TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(200, delivered.StatusCode);   // answered within Wix's 1,250 ms

        var order = await Send(HttpMethod.Get, "/ucp/orders/" + orderId, null);
        var shipped = Assert.Single(order.Json["fulfillment"]!["events"]!.AsArray())!;
        Assert.Equal(("shipped", "TRK42"), (shipped["type"]!.GetValue<string>(), shipped["tracking_number"]!.GetValue<string>()));
        Assert.Equal("fulfilled", order.Json["line_items"]![0]!["status"]!.GetValue<string>());
    }
}
