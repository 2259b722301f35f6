extern alias FakeWix;

using System.Net;
using System.Text.Json.Nodes;
using FakeWix::WixUcp.FakeWix;
using Microsoft.Extensions.DependencyInjection;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Wix;

/// <summary>The sample host with <c>WixUcp:Backend=Wix</c> against the fake Wix server: the UCP flow end to end, schema-checked.</summary>
public sealed class WixFlowTests : IAsyncLifetime
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
            ["WixUcp:Backend"] = "Wix",
            ["WixUcp:Wix:BaseUrl"] = _wix.BaseUrl.AbsoluteUri,
            ["WixUcp:Wix:AppId"] = FakeWixState.SeededAppId,
            ["WixUcp:Wix:AppSecret"] = FakeWixState.SeededAppSecret,
            ["WixUcp:Wix:InstanceId"] = "fake-instance-1",
        });
    }

    public async ValueTask DisposeAsync()
    {
        // What Wix saw and what the host logged, shown with a failure.
        foreach (var r in _wix?.State.Requests ?? [])
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{r.Method} {r.Path} {r.StatusCode} {r.Body}");
        }

        foreach (var l in _app?.Logs ?? new())
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{l.Level} {l.Category} {l.Message}");
        }

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

    // The sample host on the fake Wix, single-site mode, optionally with the sandbox processor outside Wix.
    private UcpAppFactory Host(string instance, bool sandboxCapture)
    {
        var settings = new Dictionary<string, string>
        {
            ["WixUcp:Backend"] = "Wix",
            ["WixUcp:Wix:BaseUrl"] = _wix!.BaseUrl.AbsoluteUri,
            ["WixUcp:Wix:AppId"] = FakeWixState.SeededAppId,
            ["WixUcp:Wix:AppSecret"] = FakeWixState.SeededAppSecret,
            ["WixUcp:Wix:InstanceId"] = instance,
        };
        if (sandboxCapture)
        {
            settings["Sample:SandboxPaymentCapture"] = "true";
        }

        return new UcpAppFactory(settings);
    }

    [Fact]
    public async Task Discover_search_checkout_with_address_shipping_and_coupon_then_complete_on_wixs_hosted_checkout()
    {
        var client = new UcpClient(_app!.CreateClient(), _platform.Agent());

        var profile = await client.GetAsync("/.well-known/ucp");
        Assert.Equal(HttpStatusCode.OK, profile.Status);
        Assert.Contains(profile.Json["ucp"]!["payment_handlers"]!.AsObject().SelectMany(h => h.Value!.AsArray()), h => h!["id"]!.GetValue<string>() == "wix_hosted_checkout");

        var search = await client.PostAsync("/ucp/catalog/search", """{"query":"mug"}""", idempotencyKey: null);
        Assert.Equal(HttpStatusCode.OK, search.Status);
        var variant = search.Json["products"]![0]!["variants"]!.AsArray().Single(v => v!["id"]!.GetValue<string>() == "prod-mug:var-mug-white")!;
        Assert.Equal(1800, variant["price"]!["amount"]!.GetValue<long>());

        var created = (await Checkouts.CreateAsync(client, """{"line_items":[{"item":{"id":"prod-mug:var-mug-white"},"quantity":2}],"buyer":{"email":"ada@example.com"}}""")).Json;
        var id = created["id"]!.GetValue<string>();
        Assert.Equal(3600, Checkouts.TotalOf(created, "subtotal"));
        Assert.Equal("Ceramic Mug", created["line_items"]![0]!["item"]!["title"]!.GetValue<string>());

        var withAddress = (await Checkouts.UpdateAsync(client, id, Checkouts.Update(created,
            """{"fulfillment":{"methods":[{"type":"shipping","destinations":[{"id":"home","street_address":"1 Main St","address_locality":"Austin","address_region":"TX","postal_code":"78701","address_country":"US","first_name":"Ada","last_name":"Lovelace"}],"selected_destination_id":"home"}]}}"""))).Json;
        var options = withAddress["fulfillment"]!["methods"]![0]!["groups"]![0]!["options"]!.AsArray();
        Assert.Equal(["standard", "express"], options.Select(o => o!["id"]!.GetValue<string>()));

        var ready = (await Checkouts.UpdateAsync(client, id, Checkouts.Update(withAddress,
            """{"fulfillment":{"methods":[{"type":"shipping","selected_destination_id":"home","groups":[{"id":"fg_1","selected_option_id":"standard"}]}]},"discounts":{"codes":["WIX10","EXTRA"]}}"""))).Json;
        Assert.Equal("ready_for_complete", ready["status"]!.GetValue<string>());
        Assert.Equal(-360, Checkouts.TotalOf(ready, "discount"));
        Assert.Equal(500, Checkouts.TotalOf(ready, "fulfillment"));
        Assert.Equal(3600 - 360 + 500, Checkouts.TotalOf(ready, "total"));
        Assert.Contains(Checkouts.Messages(ready), m => m is { Code: "discount_code_combination_disallowed", Path: "$.discounts.codes[1]" });

        // Wix cannot charge the platform's instrument: the buyer pays on Wix's checkout page.
        var complete = Checkouts.Complete(token: "buyer-pays-on-wix", handlerId: "wix_hosted_checkout");
        var escalated = (await Checkouts.CompleteAsync(client, id, complete)).Json;
        Assert.Equal("requires_escalation", escalated["status"]!.GetValue<string>());
        var continueUrl = new Uri(escalated["continue_url"]!.GetValue<string>());
        Assert.Equal("fake-wix.example", continueUrl.Host);
        var wixCheckoutId = System.Web.HttpUtility.ParseQueryString(continueUrl.Query)["checkoutId"]!;

        // Until the buyer pays, completing again escalates again; once Wix has the order, it completes.
        Assert.Equal("requires_escalation", (await Checkouts.CompleteAsync(client, id, complete)).Json["status"]!.GetValue<string>());
        using (var pay = await new HttpClient { BaseAddress = _wix!.BaseUrl }.PostAsync(new Uri($"_fake/checkouts/{wixCheckoutId}/pay", UriKind.Relative), null, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, pay.StatusCode);
        }

        var completed = (await Checkouts.CompleteAsync(client, id, complete)).Json;
        Assert.Equal("completed", completed["status"]!.GetValue<string>());
        Assert.Equal("#10001", completed["order"]!["label"]!.GetValue<string>());

        var order = await client.GetAsync("/ucp/orders/" + completed["order"]!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, order.Status);
        Assert.Equal(3600 - 360 + 500, Checkouts.TotalOf(order.Json, "total"));

        // Each UCP checkout is its own Wix checkout, made with the app's identity.
        Assert.All(_wix.State.Requests.Where(r => r.Path.StartsWith("/ecom", StringComparison.Ordinal)), r => Assert.Equal("fake-instance-1", r.InstanceId));
    }

    [Fact]
    public async Task A_v1_site_in_yen_checks_out_with_numeric_catalog_prices_and_decimal_string_totals()
    {
        await using var app = Host("fake-instance-2", sandboxCapture: false);
        var client = new UcpClient(app.CreateClient(), _platform.Agent());

        var bowl = (await client.PostAsync("/ucp/catalog/product", """{"id":"v1-bowl"}""", idempotencyKey: null)).Json["product"]!;
        var tenmoku = bowl["variants"]!.AsArray().Single(v => v!["options"]!.AsArray().Any(o => o!["label"]!.GetValue<string>() == "Tenmoku"))!["id"]!.GetValue<string>();

        var created = (await Checkouts.CreateAsync(client, $$"""{"line_items":[{"item":{"id":"{{tenmoku}}"},"quantity":1},{"item":{"id":"v1-whisk"},"quantity":2}]}""")).Json;
        Assert.Equal("JPY", created["currency"]!.GetValue<string>());
        Assert.Equal(4800 + 2 * 2500, Checkouts.TotalOf(created, "subtotal"));

        var shipped = (await Checkouts.UpdateAsync(client, created["id"]!.GetValue<string>(), Checkouts.Update(created,
            """{"fulfillment":{"methods":[{"type":"shipping","destinations":[{"id":"tokyo","street_address":"1-1 Marunouchi","address_locality":"Chiyoda","postal_code":"100-0005","address_country":"JP"}],"selected_destination_id":"tokyo","groups":[{"id":"fg_1","selected_option_id":"standard"}]}]},"discounts":{"codes":["WIX10"]}}"""))).Json;
        Assert.Equal(800, Checkouts.TotalOf(shipped, "fulfillment"));
        Assert.Equal(-980, Checkouts.TotalOf(shipped, "discount"));
        Assert.Equal(9800 - 980 + 800, Checkouts.TotalOf(shipped, "total"));
    }

    [Fact]
    public async Task Wix_failing_gives_503_with_retry_after_and_the_same_request_succeeds_once_wix_is_back()
    {
        var client = new UcpClient(_app!.CreateClient(), _platform.Agent());
        var key = Guid.NewGuid().ToString();
        var body = """{"line_items":[{"item":{"id":"prod-tote:var-tote"},"quantity":1}]}""";
        _wix!.State.AddFault(new FakeWixFault { PathPrefix = "/ecom/v1/checkouts", Method = "POST", Kind = FakeWixFaultKind.Status, Status = 503, Count = 1 });

        var failed = await client.PostAsync("/ucp/checkout-sessions", body, key);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.Status);
        Assert.Equal("backend_unavailable", failed.Json["code"]!.GetValue<string>());
        Assert.NotNull(failed.Header("Retry-After"));
        Assert.Equal(1, _wix.State.Requests.Count(r => r.Method == "POST" && r.Path == "/ecom/v1/checkouts"));   // creating is never retried blindly

        var retried = await client.PostAsync("/ucp/checkout-sessions", body, key);
        Assert.Equal(HttpStatusCode.Created, retried.Status);
        Assert.Equal(2450, Checkouts.TotalOf(retried.Json, "total"));

        // A token Wix will not grant is the store being unavailable too, never a 500.
        _wix.State.ExpireAllTokens();
        _wix.State.AddFault(new FakeWixFault { PathPrefix = "/oauth2/token", Kind = FakeWixFaultKind.Status, Status = 500, Count = 1 });
        var noToken = await client.GetAsync("/ucp/checkout-sessions/" + retried.Json["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, noToken.Status);   // reading a session needs no Wix call
        var refused = await client.PostAsync("/ucp/catalog/search", """{"query":"tote"}""", idempotencyKey: null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/ucp/catalog/search", """{"query":"tote"}""", idempotencyKey: null)).Status);
    }

    [Fact]
    public async Task With_a_processor_outside_wix_the_order_is_created_in_wix_captured_and_the_payment_recorded()
    {
        await using var app = Host("fake-instance-1", sandboxCapture: true);
        var client = new UcpClient(app.CreateClient(), _platform.Agent());
        var created = (await Checkouts.CreateAsync(client, """{"line_items":[{"item":{"id":"prod-beans:var-beans"},"quantity":3}],"buyer":{"email":"ada@example.com"}}""")).Json;
        var id = created["id"]!.GetValue<string>();
        var ready = (await Checkouts.UpdateAsync(client, id, Checkouts.Update(created,
            """{"fulfillment":{"methods":[{"type":"shipping","destinations":[{"id":"home","street_address":"1 Main St","address_locality":"Austin","address_region":"TX","postal_code":"78701","address_country":"US"}],"selected_destination_id":"home","groups":[{"id":"fg_1","selected_option_id":"express"}]}]}}"""))).Json;
        Assert.Equal(3600 + 1500, Checkouts.TotalOf(ready, "total"));

        // A decline takes no money and leaves the checkout open; Wix keeps an unpaid order it never lists.
        var declined = (await Checkouts.CompleteAsync(client, id, Checkouts.Complete("fail_token"))).Json;
        Assert.Equal("incomplete", declined["status"]!.GetValue<string>());
        Assert.Contains(Checkouts.Messages(declined), m => m.Code == "payment_failed");

        var completed = (await Checkouts.CompleteAsync(client, id, Checkouts.Complete("success_token"))).Json;
        Assert.Equal("completed", completed["status"]!.GetValue<string>());
        var orderId = completed["order"]!["id"]!.GetValue<string>();
        Assert.Equal("#10001", completed["order"]!["label"]!.GetValue<string>());   // the declined attempt's order, reused

        // Wix records the payment (it charges nothing) and settles the order as paid.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (_wix!.State.GetOrder(orderId)?["paymentStatus"]?.GetValue<string>() != "PAID" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        Assert.Equal("PAID", _wix.State.GetOrder(orderId)!["paymentStatus"]!.GetValue<string>());
        var recorded = Assert.Single(_wix.State.Requests, r => r.Path == $"/ecom/v1/payments/orders/{orderId}/add-payment");
        Assert.Contains("\"providerTransactionId\":\"sbx_", recorded.Body, StringComparison.Ordinal);
        Assert.Contains("\"amount\":\"51.00\"", recorded.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("success_token", string.Concat(_wix.State.Requests.Select(r => r.Body)), StringComparison.Ordinal);
        Assert.Single(_wix.State.Requests, r => r.Path.EndsWith("/create-order", StringComparison.Ordinal) && r.StatusCode == 200);
    }

    [Fact]
    public async Task A_wix_order_kept_from_a_declined_attempt_is_never_charged_a_different_amount()
    {
        await using var app = Host("fake-instance-1", sandboxCapture: true);
        var client = new UcpClient(app.CreateClient(), _platform.Agent());
        var created = (await Checkouts.CreateAsync(client, """{"line_items":[{"item":{"id":"prod-tote:var-tote"},"quantity":1}],"buyer":{"email":"ada@example.com"}}""")).Json;
        var id = created["id"]!.GetValue<string>();
        var standard = (await Checkouts.UpdateAsync(client, id, Checkouts.Update(created,
            """{"fulfillment":{"methods":[{"type":"shipping","destinations":[{"id":"home","street_address":"1 Main St","address_locality":"Austin","address_region":"TX","postal_code":"78701","address_country":"US"}],"selected_destination_id":"home","groups":[{"id":"fg_1","selected_option_id":"standard"}]}]}}"""))).Json;
        Assert.Equal("incomplete", (await Checkouts.CompleteAsync(client, id, Checkouts.Complete("fail_token"))).Json["status"]!.GetValue<string>());

        // After the decline the platform switches to express: the Wix order made for standard asks less than the session.
        var express = (await Checkouts.UpdateAsync(client, id, Checkouts.Update(standard,
            """{"fulfillment":{"methods":[{"type":"shipping","selected_destination_id":"home","groups":[{"id":"fg_1","selected_option_id":"express"}]}]}}"""))).Json;
        Assert.Equal(2450 + 1500, Checkouts.TotalOf(express, "total"));
        var escalated = (await Checkouts.CompleteAsync(client, id, Checkouts.Complete("success_token"))).Json;

        Assert.Equal("requires_escalation", escalated["status"]!.GetValue<string>());
        Assert.Equal("fake-wix.example", new Uri(escalated["continue_url"]!.GetValue<string>()).Host);
        Assert.DoesNotContain(_wix!.State.Requests, r => r.Path.EndsWith("/add-payment", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sandbox_capture_is_refused_against_anything_but_a_fake_wix_on_loopback()
    {
        await using var app = new UcpAppFactory(new Dictionary<string, string>
        {
            ["WixUcp:Backend"] = "Wix",
            ["WixUcp:Wix:BaseUrl"] = "https://www.wixapis.com/",
            ["WixUcp:Wix:AppId"] = FakeWixState.SeededAppId,
            ["WixUcp:Wix:AppSecret"] = FakeWixState.SeededAppSecret,
            ["WixUcp:Wix:InstanceId"] = "fake-instance-1",
            ["Sample:SandboxPaymentCapture"] = "true",
        });

        var refused = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Sample:SandboxPaymentCapture", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_coupon_is_refused_and_taken_off_wixs_checkout_so_the_order_can_still_be_placed()
    {
        await using var app = Host("fake-instance-1", sandboxCapture: true);
        var client = new UcpClient(app.CreateClient(), _platform.Agent());
        var created = (await Checkouts.CreateAsync(client, """{"line_items":[{"item":{"id":"prod-tote:var-tote"},"quantity":1}],"buyer":{"email":"ada@example.com"}}""")).Json;
        var id = created["id"]!.GetValue<string>();
        var ready = (await Checkouts.UpdateAsync(client, id, Checkouts.Update(created,
            """{"fulfillment":{"methods":[{"type":"shipping","destinations":[{"id":"home","street_address":"1 Main St","address_locality":"Austin","address_region":"TX","postal_code":"78701","address_country":"US"}],"selected_destination_id":"home","groups":[{"id":"fg_1","selected_option_id":"standard"}]}]},"discounts":{"codes":["NOPE"]}}"""))).Json;
        Assert.Contains(Checkouts.Messages(ready), m => m is { Code: "discount_code_invalid", Path: "$.discounts.codes[0]" });
        Assert.Equal(2450 + 500, Checkouts.TotalOf(ready, "total"));

        var completed = (await Checkouts.CompleteAsync(client, id, Checkouts.Complete())).Json;
        Assert.Equal("completed", completed["status"]!.GetValue<string>());
    }

    private const string ShipToAustin = """{"fulfillment":{"methods":[{"type":"shipping","destinations":[{"id":"home","street_address":"1 Main St","address_locality":"Austin","address_region":"TX","postal_code":"78701","address_country":"US"}],"selected_destination_id":"home","groups":[{"id":"fg_1","selected_option_id":"standard"}]}]}}""";

    private static long SumOfEntries(JsonNode checkout) =>
        checkout["totals"]!.AsArray().Where(t => t!["type"]!.GetValue<string>() != "total").Sum(t => t!["amount"]!.GetValue<long>());

    [Fact]
    public async Task Tax_wix_adds_is_an_entry_tax_inside_the_prices_is_not_and_the_entries_always_add_up_to_wixs_total()
    {
        var client = new UcpClient(_app!.CreateClient(), _platform.Agent());
        _wix!.State.Mutate(s => s.Instances["fake-instance-1"].TaxRates["US"] = 0.08m);
        var created = (await Checkouts.CreateAsync(client, """{"line_items":[{"item":{"id":"prod-tote:var-tote"},"quantity":1}],"buyer":{"email":"ada@example.com"}}""")).Json;
        var taxed = (await Checkouts.UpdateAsync(client, created["id"]!.GetValue<string>(), Checkouts.Update(created, ShipToAustin))).Json;
        Assert.Equal("ready_for_complete", taxed["status"]!.GetValue<string>());
        Assert.Equal(236, Checkouts.TotalOf(taxed, "tax"));   // 8% of 24.50 + 5.00
        Assert.Equal(2450 + 500 + 236, Checkouts.TotalOf(taxed, "total"));
        Assert.Equal(Checkouts.TotalOf(taxed, "total"), SumOfEntries(taxed));

        // The same store showing tax-inclusive prices: Wix's total is the prices, and no tax entry is added on top.
        _wix.State.Mutate(s => s.Instances["fake-instance-1"].TaxIncludedInPrice = true);
        var inclusive = (await Checkouts.UpdateAsync(client, taxed["id"]!.GetValue<string>(), Checkouts.Update(taxed))).Json;
        Assert.DoesNotContain(inclusive["totals"]!.AsArray(), t => t!["type"]!.GetValue<string>() == "tax");
        Assert.Equal(2450 + 500, Checkouts.TotalOf(inclusive, "total"));
        Assert.Equal(Checkouts.TotalOf(inclusive, "total"), SumOfEntries(inclusive));
    }

    [Fact]
    public async Task A_tax_wix_cannot_calculate_is_a_recoverable_error_before_completion_and_clears_when_wix_can()
    {
        var client = new UcpClient(_app!.CreateClient(), _platform.Agent());
        _wix!.State.Mutate(s => s.Instances["fake-instance-1"].TaxFailsFor.Add("US"));
        var created = (await Checkouts.CreateAsync(client, """{"line_items":[{"item":{"id":"prod-tote:var-tote"},"quantity":1}],"buyer":{"email":"ada@example.com"}}""")).Json;
        var id = created["id"]!.GetValue<string>();
        var blocked = (await Checkouts.UpdateAsync(client, id, Checkouts.Update(created, ShipToAustin))).Json;
        Assert.Equal("incomplete", blocked["status"]!.GetValue<string>());
        var message = blocked["messages"]!.AsArray().Single(m => m!["type"]!.GetValue<string>() == "error")!;
        Assert.Equal(("invalid", "recoverable"), (message["code"]!.GetValue<string>(), message["severity"]!.GetValue<string>()));
        Assert.Contains("Tax could not be calculated", message["content"]!.GetValue<string>(), StringComparison.Ordinal);

        var refused = await Checkouts.CompleteAsync(client, id, Checkouts.Complete());
        Assert.NotEqual("completed", refused.Json["status"]?.GetValue<string>());
        Assert.DoesNotContain(_wix.State.Requests, r => r.Path.EndsWith("/create-order", StringComparison.Ordinal) || r.Path.EndsWith("/checkout-url", StringComparison.Ordinal));

        _wix.State.Mutate(s => s.Instances["fake-instance-1"].TaxFailsFor.Clear());
        var ready = (await Checkouts.UpdateAsync(client, id, Checkouts.Update(blocked))).Json;
        Assert.Equal("ready_for_complete", ready["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_capture_wix_will_not_record_still_places_the_order_and_is_logged_and_counted_for_reconciliation()
    {
        await using var app = Host("fake-instance-1", sandboxCapture: true);
        var client = new UcpClient(app.CreateClient(), _platform.Agent());
        var created = (await Checkouts.CreateAsync(client, """{"line_items":[{"item":{"id":"prod-tote:var-tote"},"quantity":1}],"buyer":{"email":"ada@example.com"}}""")).Json;
        var ready = (await Checkouts.UpdateAsync(client, created["id"]!.GetValue<string>(), Checkouts.Update(created, ShipToAustin))).Json;

        var unrecorded = 0L;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        var scope = app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == scope && instrument.Name == "wixucp.payments.unrecorded")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref unrecorded, value));
        listener.Start();

        // The money is taken, then Wix refuses every attempt to record it.
        _wix!.State.AddFault(new FakeWixFault { PathPrefix = "/ecom/v1/payments/orders/", Method = "POST", Status = 500, Count = 100 });
        var completed = (await Checkouts.CompleteAsync(client, ready["id"]!.GetValue<string>(), Checkouts.Complete())).Json;
        Assert.Equal("completed", completed["status"]!.GetValue<string>());
        var orderId = completed["order"]!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ucp/orders/" + orderId)).Status);

        Assert.Equal(1, Interlocked.Read(ref unrecorded));
        var error = Assert.Single(app.Logs, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error && l.Message.Contains("was captured but Wix did not record it", StringComparison.Ordinal));
        Assert.Contains(orderId, error.Message, StringComparison.Ordinal);
        Assert.Contains("sbx_", error.Message, StringComparison.Ordinal);
        Assert.NotEqual("PAID", _wix.State.GetOrder(orderId)!["paymentStatus"]!.GetValue<string>());
    }
}
