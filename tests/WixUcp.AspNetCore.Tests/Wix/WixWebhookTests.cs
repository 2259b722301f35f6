extern alias FakeWix;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FakeWix::WixUcp.FakeWix;
using Microsoft.Extensions.DependencyInjection;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.Installations;

namespace WixUcp.AspNetCore.Tests.Wix;

/// <summary>
/// Wix's webhooks (RS256 JWTs signed by the fake with its app key) at <c>POST /wix/webhooks</c>: the fake records each
/// JWT it signs, and the test posts them to the host exactly as Wix would.
/// </summary>
public sealed class WixWebhookTests : IAsyncLifetime
{
    private readonly FakePlatform _platform = new();
    private FakeWixServer? _wix;
    private UcpAppFactory? _app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FakeWixServer Wix => _wix!;

    public async ValueTask InitializeAsync()
    {
        await _platform.InitializeAsync();
        _wix = await FakeWixServer.StartAsync(ct: Ct);
        _app = Host(_wix.State.WebhookPublicKeyPem);
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

    private UcpAppFactory Host(string? publicKeyPem)
    {
        var settings = new Dictionary<string, string>
        {
            ["WixUcp:Backend"] = "Wix",
            ["WixUcp:Wix:BaseUrl"] = Wix.BaseUrl.AbsoluteUri,
            ["WixUcp:Wix:AppId"] = FakeWixState.SeededAppId,
            ["WixUcp:Wix:AppSecret"] = FakeWixState.SeededAppSecret,
            ["WixUcp:Wix:InstanceId"] = "fake-instance-1",
            ["Sample:SandboxPaymentCapture"] = "true",
            ["WixUcp:Webhooks:AllowInsecureLoopbackTargets"] = "true",
            ["WixUcp:Webhooks:PollInterval"] = "00:00:00.050",
        };
        if (publicKeyPem is not null)
        {
            settings["WixUcp:Wix:WebhookPublicKeyPem"] = publicKeyPem;
        }

        return new UcpAppFactory(settings);
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string jwt, UcpAppFactory? app = null)
    {
        using var content = new StringContent(jwt, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await (app ?? _app!).CreateClient().PostAsync(new Uri("/wix/webhooks", UriKind.Relative), content, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Installing_records_the_app_instance_and_removing_erases_it()
    {
        var store = _app!.Services.GetRequiredService<IAppInstanceStore>();

        var installed = await Wix.State.SendWebhookAsync("AppInstalled", "fake-instance-9", null, null, Ct);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(installed.Jwt)).Status);
        Assert.NotNull(await store.GetAsync("fake-instance-9", Ct));

        var removed = await Wix.State.SendWebhookAsync("AppRemoved", "fake-instance-9", null, null, Ct);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(removed.Jwt)).Status);
        Assert.Null(await store.GetAsync("fake-instance-9", Ct));
    }

    [Fact]
    public async Task Unverified_webhooks_get_401_and_change_nothing()
    {
        var store = _app!.Services.GetRequiredService<IAppInstanceStore>();
        var installed = await Wix.State.SendWebhookAsync("AppInstalled", "fake-instance-7", null, null, Ct);
        var parts = installed.Jwt.Split('.');
        var forgedClaims = Convert.ToBase64String(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[1]))).Replace("fake-instance-7", "fake-instance-8", StringComparison.Ordinal)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var tampered = await PostAsync(parts[0] + "." + forgedClaims + "." + parts[2]);
        var garbage = await PostAsync("not a token");
        await using var keyless = Host(publicKeyPem: null);
        var unconfigured = await PostAsync(installed.Jwt, keyless);

        Assert.All(new[] { tampered, garbage, unconfigured }, r => Assert.Equal(HttpStatusCode.Unauthorized, r.Status));
        Assert.Contains("webhook_signature_invalid", tampered.Body, StringComparison.Ordinal);
        Assert.Contains("WixUcp:Wix:WebhookPublicKeyPem", unconfigured.Body, StringComparison.Ordinal);
        Assert.Null(await store.GetAsync("fake-instance-7", Ct));
        Assert.Null(await store.GetAsync("fake-instance-8", Ct));
    }

    [Fact]
    public async Task A_fulfillment_in_wix_becomes_a_shipped_event_with_tracking_once_however_often_wix_sends_it()
    {
        // The platform's profile names a real receiver for its order webhooks.
        await using var receiver = await WebhookReceiver.StartAsync();
        _platform.OrderWebhookBase = receiver.BaseUrl;
        var client = new UcpClient(_app!.CreateClient(), _platform.Agent("webhooks-wix"));
        var created = (await Checkouts.CreateAsync(client, """{"line_items":[{"item":{"id":"prod-tote:var-tote"},"quantity":2},{"item":{"id":"prod-beans:var-beans"},"quantity":1}],"buyer":{"email":"ada@example.com"}}""")).Json;
        var id = created["id"]!.GetValue<string>();
        var ready = (await Checkouts.UpdateAsync(client, id, Checkouts.Update(created,
            """{"fulfillment":{"methods":[{"type":"shipping","destinations":[{"id":"home","street_address":"1 Main St","address_locality":"Austin","address_region":"TX","postal_code":"78701","address_country":"US"}],"selected_destination_id":"home","groups":[{"id":"fg_1","selected_option_id":"standard"}]}]}}"""))).Json;
        var completed = (await Checkouts.CompleteAsync(client, ready["id"]!.GetValue<string>(), Checkouts.Complete())).Json;
        Assert.Equal("completed", completed["status"]!.GetValue<string>());
        var orderId = completed["order"]!["id"]!.GetValue<string>();

        // Once Wix has settled the recorded payment, the merchant ships the tote in Wix's dashboard.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Wix.State.GetOrder(orderId)?["status"]?.GetValue<string>() != "APPROVED" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        var wixOrder = Wix.State.GetOrder(orderId)!;
        var toteLine = wixOrder["lineItems"]!.AsArray().Single(l => l!["catalogReference"]!["catalogItemId"]!.GetValue<string>() == "prod-tote")!["id"]!.GetValue<string>();
        using var wixApi = new HttpClient { BaseAddress = Wix.BaseUrl };
        var token = (await (await wixApi.PostAsync(new Uri("oauth2/token", UriKind.Relative), JsonContent("""{"grant_type":"client_credentials","client_id":"fake-app","client_secret":"fake-secret","instance_id":"fake-instance-1"}"""), Ct)).Content.ReadFromJsonAsync<JsonObject>(Ct))!["access_token"]!.GetValue<string>();
        using var fulfill = new HttpRequestMessage(HttpMethod.Post, $"ecom/v1/fulfillments/orders/{orderId}/create-fulfillment")
        {
            Content = JsonContent("""{"fulfillment":{"lineItems":[{"id":"LINE","quantity":2}],"trackingInfo":{"trackingNumber":"1Z999","shippingProvider":"UPS","trackingLink":"https://track.example/1Z999"}}}""".Replace("LINE", toteLine, StringComparison.Ordinal)),
        };
        fulfill.Headers.TryAddWithoutValidation("Authorization", token);
        Assert.Equal(HttpStatusCode.OK, (await wixApi.SendAsync(fulfill, Ct)).StatusCode);
        var shipped = await Wix.State.WaitForWebhookAsync(d => d.EventType == "wix.ecom.v1.fulfillments_updated" && d.EntityId == orderId, TimeSpan.FromSeconds(5), Ct);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(shipped.Jwt)).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(shipped.Jwt)).Status);   // Wix's retry: recognised, nothing twice

        var order = (await client.GetAsync("/ucp/orders/" + orderId)).Json;
        var shippedEvent = Assert.Single(order["fulfillment"]!["events"]!.AsArray())!;
        Assert.Equal(("shipped", "1Z999", "UPS"), (shippedEvent["type"]!.GetValue<string>(), shippedEvent["tracking_number"]!.GetValue<string>(), shippedEvent["carrier"]!.GetValue<string>()));
        var lines = order["line_items"]!.AsArray();

        // The platform heard of it: the order placed, then the order shipped (once), each a full order document.
        var heard = await receiver.WaitForAsync("wix", 2);
        var last = JsonNode.Parse(heard[^1].Body)!;
        Assert.Equal(orderId, last["id"]!.GetValue<string>());
        Assert.Equal("1Z999", last["fulfillment"]!["events"]![0]!["tracking_number"]!.GetValue<string>());
        await Task.Delay(300, Ct);
        Assert.Equal(2, receiver.For("wix").Count);
        Assert.Equal("fulfilled", lines.Single(l => l!["item"]!["id"]!.GetValue<string>() == "prod-tote:var-tote")!["status"]!.GetValue<string>());
        Assert.Equal("processing", lines.Single(l => l!["item"]!["id"]!.GetValue<string>() == "prod-beans:var-beans")!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_buyer_paying_on_wixs_page_completes_the_escalated_session_without_another_complete_call()
    {
        var client = new UcpClient(_app!.CreateClient(), _platform.Agent());
        var created = (await Checkouts.CreateAsync(client, """{"line_items":[{"item":{"id":"prod-tote:var-tote"},"quantity":1}],"buyer":{"email":"ada@example.com"}}""")).Json;
        var id = created["id"]!.GetValue<string>();
        await Checkouts.UpdateAsync(client, id, Checkouts.Update(created,
            """{"fulfillment":{"methods":[{"type":"shipping","destinations":[{"id":"home","street_address":"1 Main St","address_locality":"Austin","address_region":"TX","postal_code":"78701","address_country":"US"}],"selected_destination_id":"home","groups":[{"id":"fg_1","selected_option_id":"standard"}]}]}}"""));
        var escalated = (await Checkouts.CompleteAsync(client, id, Checkouts.Complete("hosted", "wix_hosted_checkout"))).Json;
        Assert.Equal("requires_escalation", escalated["status"]!.GetValue<string>());
        var wixCheckoutId = System.Web.HttpUtility.ParseQueryString(new Uri(escalated["continue_url"]!.GetValue<string>()).Query)["checkoutId"]!;

        // The buyer pays on Wix's page; Wix announces the approved order.
        using (var pay = await new HttpClient { BaseAddress = Wix.BaseUrl }.PostAsync(new Uri($"_fake/checkouts/{wixCheckoutId}/pay", UriKind.Relative), null, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, pay.StatusCode);
        }

        var approved = await Wix.State.WaitForWebhookAsync(d => d.EventType == "wix.ecom.v1.order_approved", TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(approved.Jwt)).Status);

        var session = (await client.GetAsync("/ucp/checkout-sessions/" + id)).Json;
        Assert.Equal("completed", session["status"]!.GetValue<string>());
        Assert.Equal(approved.EntityId, session["order"]!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ucp/orders/" + approved.EntityId)).Status);

        // Wix's retry, and the payment-status event that follows, change nothing more.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(approved.Jwt)).Status);
        var paid = await Wix.State.WaitForWebhookAsync(d => d.EventType == "wix.ecom.v1.order_payment_status_updated", TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(paid.Jwt)).Status);
        Assert.Equal("completed", (await client.GetAsync("/ucp/checkout-sessions/" + id)).Json["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_cancellation_in_wix_removes_the_unshipped_lines_with_one_cancellation_and_one_webhook_however_often_it_comes()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        _platform.OrderWebhookBase = receiver.BaseUrl;
        var client = new UcpClient(_app!.CreateClient(), _platform.Agent("webhooks-cancel"));
        var created = (await Checkouts.CreateAsync(client, """{"line_items":[{"item":{"id":"prod-tote:var-tote"},"quantity":2}],"buyer":{"email":"ada@example.com"}}""")).Json;
        var ready = (await Checkouts.UpdateAsync(client, created["id"]!.GetValue<string>(), Checkouts.Update(created,
            """{"fulfillment":{"methods":[{"type":"shipping","destinations":[{"id":"home","street_address":"1 Main St","address_locality":"Austin","address_region":"TX","postal_code":"78701","address_country":"US"}],"selected_destination_id":"home","groups":[{"id":"fg_1","selected_option_id":"standard"}]}]}}"""))).Json;
        var orderId = (await Checkouts.CompleteAsync(client, ready["id"]!.GetValue<string>(), Checkouts.Complete())).Json["order"]!["id"]!.GetValue<string>();
        await receiver.WaitForAsync("cancel", 1);

        // The merchant cancels the order in Wix's dashboard.
        using var wixApi = new HttpClient { BaseAddress = Wix.BaseUrl };
        var token = (await (await wixApi.PostAsync(new Uri("oauth2/token", UriKind.Relative), JsonContent("""{"grant_type":"client_credentials","client_id":"fake-app","client_secret":"fake-secret","instance_id":"fake-instance-1"}"""), Ct)).Content.ReadFromJsonAsync<JsonObject>(Ct))!["access_token"]!.GetValue<string>();
        using var cancel = new HttpRequestMessage(HttpMethod.Post, $"ecom/v1/orders/{orderId}/cancel") { Content = JsonContent("""{"restockAllItems":true}""") };
        cancel.Headers.TryAddWithoutValidation("Authorization", token);
        Assert.Equal(HttpStatusCode.OK, (await wixApi.SendAsync(cancel, Ct)).StatusCode);
        var canceled = await Wix.State.WaitForWebhookAsync(d => d.EventType == "wix.ecom.v1.order_canceled" && d.EntityId == orderId, TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(canceled.Jwt)).Status);

        // The same news under another event id (as another replica, or a later redelivery, would see it) records nothing.
        var again = await Wix.State.SendWebhookAsync("wix.ecom.v1.order_canceled", "fake-instance-1", orderId, new JsonObject { ["order"] = Wix.State.GetOrder(orderId) }, Ct);
        Assert.NotEqual(canceled.EventId, again.EventId);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(again.Jwt)).Status);

        var order = (await client.GetAsync("/ucp/orders/" + orderId)).Json;
        var adjustment = Assert.Single(order["adjustments"]!.AsArray())!;
        Assert.Equal(("cancellation", "completed"), (adjustment["type"]!.GetValue<string>(), adjustment["status"]!.GetValue<string>()));
        Assert.Equal(-2, adjustment["line_items"]![0]!["quantity"]!.GetValue<int>());   // signed: a reduction
        var line = Assert.Single(order["line_items"]!.AsArray())!;
        Assert.Equal(("removed", 0), (line["status"]!.GetValue<string>(), line["quantity"]!["total"]!.GetValue<int>()));

        var heard = await receiver.WaitForAsync("cancel", 2);
        Assert.Equal("cancellation", JsonNode.Parse(heard[^1].Body)!["adjustments"]![0]!["type"]!.GetValue<string>());
        await Task.Delay(300, Ct);
        Assert.Equal(2, receiver.For("cancel").Count);
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Pad(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
    }
}
