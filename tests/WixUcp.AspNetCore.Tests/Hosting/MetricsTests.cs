using System.Net;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Hosting;

/// <summary>
/// <c>/metrics</c> of the sample host as a real process, scraped before and after a checkout flow: the business and
/// request counters move by exactly what the flow did, and every metric the dashboard and alert rules query exists.
/// </summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromSeconds(4);
    private readonly FakePlatform _platform = new();
    private SampleHostProcess? _host;
    private WebhookReceiver? _receiver;

    public async ValueTask InitializeAsync()
    {
        await _platform.InitializeAsync();
        _receiver = await WebhookReceiver.StartAsync();
        _platform.OrderWebhookBase = _receiver.BaseUrl;
        _host = await SampleHostProcess.StartAsync(Environment(("UCP_AUTH_ENABLED", "false")));
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }

        await _platform.DisposeAsync();
    }

    [Fact]
    public async Task A_checkout_flow_moves_the_business_and_request_counters_by_exactly_what_it_did()
    {
        using var client = _host!.Client();
        var before = await PrometheusText.ScrapeAsync(client);

        var flow = await RunFlowAsync();

        var after = await PrometheusText.ScrapeAsync(client);
        double Delta(string name, params (string, string)[] labels) => after.Sum(name, labels) - before.Sum(name, labels);

        Assert.Equal(4, Delta("wixucp_checkouts_created_total"));
        Assert.Equal(1, Delta("wixucp_checkouts_completed_total"));
        Assert.Equal(1, Delta("wixucp_checkouts_canceled_total"));
        Assert.Equal(1, Delta("wixucp_checkouts_abandoned_total"));
        Assert.Equal(1, Delta("wixucp_orders_total", ("currency", "USD")));
        Assert.Equal(flow.OrderTotal, Delta("wixucp_orders_value_total", ("currency", "USD")));
        Assert.Equal(1, Delta("wixucp_discount_codes_total", ("outcome", "applied")));
        Assert.Equal(1, Delta("wixucp_discount_codes_total", ("outcome", "rejected")));
        Assert.Equal(1, Delta("wixucp_payments_total", ("outcome", "authorized")));
        Assert.Equal(1, Delta("wixucp_backend_duration_seconds_count", ("wixucp_backend_operation", "place_order"), ("outcome", "success")));
        Assert.Equal(1, Delta("wixucp_store_errors_total", ("wixucp_store", "memory")));
        Assert.Equal(1, Delta("wixucp_rate_limit_rejections_total", ("policy", "ucp.catalog")));
        Assert.Equal(1, Delta("wixucp_operation_duration_seconds_count", ("ucp_operation", "search_catalog")));

        // Requests: a duration sample per operation, by status class and UCP error code.
        Assert.Equal(4, Delta("wixucp_operation_duration_seconds_count", ("ucp_operation", "create_checkout"), ("http_status_class", "2xx")));
        Assert.Equal(1, Delta("wixucp_operation_duration_seconds_count", ("ucp_operation", "create_checkout"), ("http_status_class", "4xx"), ("ucp_error_code", "invalid_request")));
        Assert.Equal(1, Delta("wixucp_operation_duration_seconds_count", ("ucp_operation", "create_checkout"), ("http_status_class", "5xx"), ("ucp_error_code", "backend_unavailable")));
        Assert.Equal(2, Delta("wixucp_operation_duration_seconds_count", ("ucp_operation", "update_checkout"), ("http_status_class", "2xx")));
        Assert.Equal(1, Delta("wixucp_operation_duration_seconds_count", ("ucp_operation", "complete_checkout")));
        Assert.Equal(1, Delta("wixucp_operation_duration_seconds_count", ("ucp_operation", "cancel_checkout")));
        Assert.Equal(1, Delta("wixucp_operation_duration_seconds_count", ("ucp_operation", "get_checkout")));
        Assert.Equal(
            after.Sum("wixucp_operation_duration_seconds_count", ("ucp_operation", "create_checkout")),
            after.Sum("wixucp_operation_duration_seconds_bucket", ("ucp_operation", "create_checkout"), ("le", "+Inf")));
    }

    [Fact]
    public async Task Every_metric_the_dashboard_and_the_alert_rules_query_is_exported_after_a_checkout_flow()
    {
        using var client = _host!.Client();
        await RunFlowAsync();
        await _receiver!.WaitForAsync("metrics", 1);
        var scraped = await EventuallyAsync(client, "wixucp_health_status", "wixucp_webhook_attempts_seconds_count");

        var deploy = Path.Combine(SharedData.RepositoryRoot()!.FullName, "deploy");
        var dashboard = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(deploy, "grafana", "wixucp-dashboard.json"), TestContext.Current.CancellationToken))!;
        var expressions = dashboard["panels"]!.AsArray().SelectMany(p => p!["targets"]!.AsArray().Select(t => t!["expr"]!.GetValue<string>())).ToList();
        var rules = await File.ReadAllTextAsync(Path.Combine(deploy, "prometheus", "wixucp-alerts.yml"), TestContext.Current.CancellationToken);
        var queried = expressions.Append(rules)
            .Select(WithoutLabels)
            .SelectMany(text => Regex.Matches(text, @"\bwixucp_[a-z0-9_]+\b").Select(m => m.Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(queried.Count >= 10, $"Only {queried.Count} metric names found in deploy/.");
        var missing = queried.Except(scraped.Names, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Queried but not exported: " + string.Join(", ", missing));
        Assert.Equal(1, scraped.Sum("wixucp_health_status", ("component", "signing_keys")));
    }

    [Fact]
    public async Task Metrics_can_be_switched_off_or_moved_to_a_management_port()
    {
        var managementPort = SampleHostProcess.FreePort();
        await using var off = await SampleHostProcess.StartAsync(Environment(("METRICS_ENABLED", "false")));
        await using var managed = await SampleHostProcess.StartAsync(Environment(("WixUcp__Management__Port", managementPort.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        using var offClient = off.Client();
        using var publicClient = managed.Client();
        using var managementClient = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}/") };

        Assert.Equal(HttpStatusCode.NotFound, (await offClient.GetAsync("/metrics", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await publicClient.GetAsync("/metrics", TestContext.Current.CancellationToken)).StatusCode);
        var scraped = await PrometheusText.ScrapeAsync(managementClient);
        Assert.Contains("target_info", scraped.Names);
    }

    // Label names (inside {...} selectors and templates, and in by/without clauses) are not metric names.
    private static string WithoutLabels(string query) =>
        Regex.Replace(Regex.Replace(query, @"\{[^{}]*\}", ""), @"\b(by|without)\s*\([^)]*\)", "");

    private sealed record Flow(long OrderTotal);

    // One completed checkout with one applied and one rejected code, one canceled, one abandoned (it expires), one
    // refused request (400), one the full in-memory store cannot take (503), and a search past its budget (429).
    private async Task<Flow> RunFlowAsync()
    {
        var abandoned = await SendAsync(HttpMethod.Post, "/ucp/checkout-sessions", Checkouts.Create("cup_porcelain", 1));
        var abandonedAt = DateTime.UtcNow;
        var created = await SendAsync(HttpMethod.Post, "/ucp/checkout-sessions",
            """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":2}],"buyer":{"email":"ada@example.com"},"discounts":{"codes":["STEEP10","NOT-A-CODE"]}}""");
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var id = created.Json["id"]!.GetValue<string>();
        var addressed = await SendAsync(HttpMethod.Put, $"/ucp/checkout-sessions/{id}",
            Checkouts.Update(created.Json, """{"fulfillment":{"methods":[{"type":"shipping","selected_destination_id":"addr_ada_work"}]}}"""));
        var ready = await SendAsync(HttpMethod.Put, $"/ucp/checkout-sessions/{id}",
            Checkouts.Update(addressed.Json, """{"fulfillment":{"methods":[{"type":"shipping","groups":[{"id":"fg_1","selected_option_id":"ship-standard"}]}]}}"""));
        Assert.Equal("ready_for_complete", ready.Json["status"]!.GetValue<string>());
        var completed = await SendAsync(HttpMethod.Post, $"/ucp/checkout-sessions/{id}/complete", Checkouts.Complete());
        Assert.Equal("completed", completed.Json["status"]!.GetValue<string>());

        var other = await SendAsync(HttpMethod.Post, "/ucp/checkout-sessions", Checkouts.Create("cup_porcelain", 1));
        var canceled = await SendAsync(HttpMethod.Post, $"/ucp/checkout-sessions/{other.Json["id"]!.GetValue<string>()}/cancel", body: null);
        Assert.Equal("canceled", canceled.Json["status"]!.GetValue<string>());
        var refused = await SendAsync(HttpMethod.Post, "/ucp/checkout-sessions", """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":0}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(HttpMethod.Post, "/ucp/checkout-sessions", Checkouts.Create())).Status);
        var full = await SendAsync(HttpMethod.Post, "/ucp/checkout-sessions", Checkouts.Create());
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "backend_unavailable"), (full.Status, full.Json["code"]!.GetValue<string>()));

        // The catalog budget is one search: the second is refused.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, "/ucp/catalog/search", """{"query":"tea"}""")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(HttpMethod.Post, "/ucp/catalog/search", """{"query":"tea"}""")).Status);

        var wait = abandonedAt + SessionLifetime + TimeSpan.FromMilliseconds(300) - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, TestContext.Current.CancellationToken);
        }

        var expired = await SendAsync(HttpMethod.Get, $"/ucp/checkout-sessions/{abandoned.Json["id"]!.GetValue<string>()}", body: null);
        Assert.Equal("canceled", expired.Json["status"]!.GetValue<string>());
        return new Flow(Checkouts.TotalOf(completed.Json, "total"));
    }

    // The readiness gauge appears once the health checks have been published (a second after start).
    private static async Task<PrometheusText> EventuallyAsync(HttpClient client, params string[] names)
    {
        for (var attempt = 0; ; attempt++)
        {
            var scraped = await PrometheusText.ScrapeAsync(client);
            if (names.All(scraped.Names.Contains) || attempt == 40)
            {
                return scraped;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private static Dictionary<string, string> Environment(params (string Key, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["WixUcp__PublicBaseUrl"] = "https://shop.test/",
            ["WixUcp__Signing__PrivateKeyPem"] = UcpAppFactory.SigningKeyPem,
            ["WixUcp__Auth__ApiKeyPepper"] = UcpAppFactory.ApiKeyPepper,
            ["WixUcp__Negotiation__AllowInsecureLoopbackProfiles"] = "true",
            ["Sample__ServeDemoPlatformProfile"] = "false",
            ["UCP_AUTH_ENABLED"] = "false",
            ["WixUcp__Checkout__SessionLifetime"] = SessionLifetime.ToString(),
            ["WixUcp__Memory__MaxCheckoutSessions"] = "4",
            ["UCP_RATE_LIMIT_ENABLED"] = "true",
            ["WixUcp__RateLimits__Catalog"] = "1",
            ["WixUcp__RateLimits__Checkout"] = "1000",
            ["WixUcp__Webhooks__AllowInsecureLoopbackTargets"] = "true",
            ["WixUcp__Webhooks__PollInterval"] = "00:00:00.050",
        };
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return environment;
    }

    // The platform's profile names a webhook receiver, so the flow's order is announced there too.
    private Task<HostResponse> SendAsync(HttpMethod method, string path, string? body) => HostCalls.SendAsync(_host!, _platform, method, path, body, profile: "webhooks-metrics");
}
