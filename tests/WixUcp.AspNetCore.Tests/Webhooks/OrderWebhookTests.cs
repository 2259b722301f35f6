using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.AspNetCore.Tests.Schemas;
using WixUcp.Webhooks;

namespace WixUcp.AspNetCore.Tests.Webhooks;

/// <summary>The sample host with fast retries, and a real receiver behind the platform profile's <c>webhook_url</c>.</summary>
public sealed class WebhookFixture() : UcpFixture(new Dictionary<string, string>
{
    ["WixUcp:Webhooks:InitialDelay"] = "00:00:00.200",
    ["WixUcp:Webhooks:MaxDelay"] = "00:00:00.400",
    ["WixUcp:Webhooks:PollInterval"] = "00:00:00.050",
    ["WixUcp:Webhooks:MaxAttempts"] = "3",
    ["WixUcp:Webhooks:RequestTimeout"] = "00:00:01",
    ["WixUcp:Webhooks:AllowInsecureLoopbackTargets"] = "true",
    ["WixUcp:Simulation:Secret"] = WebhookFixture.SimulationSecret,
})
{
    public const string SimulationSecret = "simulation-secret-for-tests";

    public WebhookReceiver Receiver { get; private set; } = null!;

    public async Task<ValueTuple> StartAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        Platform.OrderWebhookBase = Receiver.BaseUrl;
        return default;
    }

    public override async ValueTask DisposeAsync()
    {
        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

public sealed class OrderWebhookTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>, IAsyncLifetime
{
    private static readonly string[] SignedComponents =
        ["@method", "@authority", "@path", "ucp-agent", "webhook-id", "webhook-timestamp", "content-digest", "content-type"];

    public async ValueTask InitializeAsync()
    {
        if (fixture.Receiver is null)
        {
            await fixture.StartAsync();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_placed_order_is_delivered_as_the_full_order_signed_over_its_id_and_timestamp()
    {
        var (checkoutId, orderId) = await PlaceOrderAsync("placed");

        var received = Assert.Single(await fixture.Receiver.WaitForAsync("placed", 1));
        var profile = (await fixture.Client().GetAsync("/.well-known/ucp")).Json;

        Assert.True(Guid.TryParse(received.Header("webhook-id"), out _));
        Assert.InRange(long.Parse(received.Header("webhook-timestamp")!, CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal("profile=\"https://shop.test/.well-known/ucp\"", received.Header("ucp-agent"));
        Assert.StartsWith("application/json", received.Header("content-type"), StringComparison.Ordinal);
        Assert.Equal(SignedComponents, SignatureVerifier.Components(received.Header("signature-input")!));
        Assert.True(SignatureVerifier.Verify(received.Header, received.Derived, profile, received.Body));

        // A replay under another id, or to another address, does not verify.
        Assert.False(SignatureVerifier.Verify(h => h == "webhook-id" ? Guid.NewGuid().ToString() : received.Header(h), received.Derived, profile, received.Body));
        Assert.False(SignatureVerifier.Verify(received.Header, c => c == "@path" ? "/webhooks/other/orders" : received.Derived(c), profile, received.Body));

        var order = JsonNode.Parse(received.Body)!;
        Assert.Equal((orderId, checkoutId), (order["id"]!.GetValue<string>(), order["checkout_id"]!.GetValue<string>()));
        SchemaAssert.Valid(order, UcpDocumentKind.OrderResponse);
    }

    [Fact]
    public async Task Failed_attempts_and_timeouts_are_retried_with_the_same_id_timestamp_and_body()
    {
        fixture.Receiver.Script("retried", (500, TimeSpan.Zero), (204, TimeSpan.FromSeconds(2)));
        await PlaceOrderAsync("retried");

        // A 500, then a timeout (the receiver answers after 2 s, the limit is 1 s), then delivered.
        var attempts = await fixture.Receiver.WaitForAsync("retried", 3);

        Assert.Equal(3, attempts.Count);
        Assert.Single(attempts.Select(a => a.Header("webhook-id")).Distinct());
        Assert.Single(attempts.Select(a => a.Header("webhook-timestamp")).Distinct());
        Assert.Single(attempts.Select(a => Convert.ToBase64String(a.Body)).Distinct());
        Assert.All(attempts, a => Assert.Equal(attempts[0].Header("content-digest"), a.Header("content-digest")));   // each attempt is signed anew, over the same body
    }

    [Fact]
    public async Task After_the_last_attempt_it_is_dead_lettered_and_a_replay_delivers_it_unchanged()
    {
        fixture.Receiver.Script("dead", (500, TimeSpan.Zero), (503, TimeSpan.Zero), (500, TimeSpan.Zero));
        var (_, orderId) = await PlaceOrderAsync("dead");
        var failed = await fixture.Receiver.WaitForAsync("dead", 3);
        var outbox = fixture.App.Services.GetRequiredService<IWebhookOutbox>();

        var deadLetter = await EventuallyAsync(async () =>
            (await outbox.ListDeadLettersAsync(100, TestContext.Current.CancellationToken)).SingleOrDefault(d => d.OrderId == orderId));
        Assert.NotNull(deadLetter);
        Assert.Equal((3, "http_500", failed[0].Header("webhook-id")), (deadLetter.Attempts, deadLetter.LastError, deadLetter.Id));
        await Task.Delay(600, TestContext.Current.CancellationToken);
        Assert.Equal(3, fixture.Receiver.For("dead").Count);   // nothing more after the last attempt

        Assert.True(await outbox.ReplayAsync(deadLetter.Id, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken));
        var all = await fixture.Receiver.WaitForAsync("dead", 4);

        Assert.Equal(4, all.Count);
        Assert.Equal((deadLetter.Id, Convert.ToBase64String(all[0].Body)), (all[3].Header("webhook-id"), Convert.ToBase64String(all[3].Body)));
        Assert.Null(await EventuallyAsync(async () =>
            (await outbox.ListDeadLettersAsync(100, TestContext.Current.CancellationToken)).SingleOrDefault(d => d.OrderId == orderId), expectNull: true));
    }

    [Fact]
    public async Task Simulated_shipping_delivery_and_refund_are_recorded_and_each_arrives_as_a_full_order()
    {
        var (_, orderId) = await PlaceOrderAsync("lifecycle");
        var shipped = await SimulateAsync("shipping", orderId);
        var delivered = await SimulateAsync("delivery", orderId);
        var refunded = await SimulateAsync("refund", orderId);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (shipped.Status, delivered.Status, refunded.Status));
        var hooks = await fixture.Receiver.WaitForAsync("lifecycle", 4);
        Assert.Equal(4, hooks.Count);
        Assert.Equal(4, hooks.Select(h => h.Header("webhook-id")).Distinct().Count());

        var last = JsonNode.Parse(hooks.Last(h => JsonNode.Parse(h.Body)!["adjustments"] is not null).Body)!;
        SchemaAssert.Valid(last, UcpDocumentKind.OrderResponse);
        Assert.Equal(["shipped", "delivered"], last["fulfillment"]!["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()));
        Assert.NotNull(last["fulfillment"]!["events"]![0]!["tracking_number"]);
        Assert.All(last["line_items"]!.AsArray(), l => Assert.Equal("fulfilled", l!["status"]!.GetValue<string>()));
        var refund = last["adjustments"]![0]!;
        Assert.Equal(("refund", "completed"), (refund["type"]!.GetValue<string>(), refund["status"]!.GetValue<string>()));
        Assert.Equal(-Checkouts.TotalOf(last, "total"), refund["totals"]![0]!["amount"]!.GetValue<long>());

        // The platform reads the same order.
        var read = await fixture.Client("webhooks-lifecycle").GetAsync($"/ucp/orders/{orderId}");
        Assert.Equal(last["adjustments"]!.ToJsonString(), read.Json["adjustments"]!.ToJsonString());
    }

    [Fact]
    public async Task Simulation_needs_its_secret_and_an_existing_order()
    {
        var (_, orderId) = await PlaceOrderAsync("secret");
        var missing = await SimulateAsync("shipping", orderId, secret: null);
        var wrong = await SimulateAsync("shipping", orderId, secret: "guess");
        var unknown = await SimulateAsync("shipping", "ord_unknown");

        Assert.Equal((HttpStatusCode.Forbidden, "forbidden"), (missing.Status, missing.Json["code"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Forbidden, wrong.Status);
        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (unknown.Status, unknown.Json["code"]!.GetValue<string>()));
        var read = await fixture.Client("webhooks-secret").GetAsync($"/ucp/orders/{orderId}");
        Assert.Empty(read.Json["fulfillment"]!["events"]!.AsArray());
    }

    [Fact]
    public async Task Put_replaces_the_history_with_a_valid_snapshot_and_refuses_an_invalid_one_with_422()
    {
        var (_, orderId) = await PlaceOrderAsync("put");
        var order = (await fixture.Client("webhooks-put").GetAsync($"/ucp/orders/{orderId}")).Json;
        var line = order["line_items"]![0]!["id"]!.GetValue<string>();
        string Snapshot(string status, string occurredAt) => new JsonObject
        {
            ["id"] = orderId,
            ["fulfillment"] = new JsonObject
            {
                ["events"] = new JsonArray(new JsonObject
                {
                    ["id"] = "evt_carrier_1", ["occurred_at"] = "2026-11-30T10:00:00Z", ["type"] = "in_transit",
                    ["line_items"] = new JsonArray(new JsonObject { ["id"] = line, ["quantity"] = 2 }),
                    ["tracking_url"] = "https://carrier.example/t/1",
                }),
            },
            ["adjustments"] = new JsonArray(new JsonObject
            {
                ["id"] = "adj_1", ["type"] = "return", ["occurred_at"] = occurredAt, ["status"] = status,
                ["line_items"] = new JsonArray(new JsonObject { ["id"] = line, ["quantity"] = -1 }),
            }),
        }.ToJsonString();

        var badStatus = await PutAsync(orderId, Snapshot("done", "2026-11-30T11:00:00Z"));
        var badDate = await PutAsync(orderId, Snapshot("pending", "yesterday"));
        var unchanged = (await fixture.Client("webhooks-put").GetAsync($"/ucp/orders/{orderId}")).Json;
        var good = await PutAsync(orderId, Snapshot("pending", "2026-11-30T11:00:00Z"));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "invalid_order", "$.adjustments[0].status"), (badStatus.Status, badStatus.Json["code"]!.GetValue<string>(), badStatus.Json["path"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "$.adjustments[0].occurred_at"), (badDate.Status, badDate.Json["path"]!.GetValue<string>()));
        Assert.Null(unchanged["adjustments"]);
        Assert.Equal(HttpStatusCode.OK, good.Status);
        Assert.Equal(("in_transit", -1), (good.Json["fulfillment"]!["events"]![0]!["type"]!.GetValue<string>(), good.Json["adjustments"]![0]!["line_items"]![0]!["quantity"]!.GetValue<int>()));
        SchemaAssert.Valid(good.Json, UcpDocumentKind.OrderResponse);
        Assert.Equal(2, (await fixture.Receiver.WaitForAsync("put", 2)).Count);   // placed, then the replaced history
    }

    [Fact]
    public async Task A_registered_receiver_gets_the_platforms_orders_signed_with_its_secret_too()
    {
        var platform = fixture.Client(FakePlatform.AllCapabilities);
        var created = await platform.PostAsync("/ucp/webhooks", $$"""{"url":"{{fixture.Receiver.Url("registered")}}","events":["order.created"]}""", idempotencyKey: null);
        var updatesOnly = await platform.PostAsync("/ucp/webhooks", $$"""{"url":"{{fixture.Receiver.Url("updates-only")}}","events":["order.updated"]}""", idempotencyKey: null);
        var listed = await platform.GetAsync("/ucp/webhooks");
        var otherPlatform = await fixture.Client("other-platform").GetAsync("/ucp/webhooks");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var secret = created.Json["secret"]!.GetValue<string>();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(2, listed.Json["webhooks"]!.AsArray().Count);
        Assert.All(listed.Json["webhooks"]!.AsArray(), w => Assert.Null(w!["secret"]));
        Assert.Empty(otherPlatform.Json["webhooks"]!.AsArray());

        // The registrant places an order: the order.created registration gets it, HMAC-signed with its secret.
        var ready = await Checkouts.ReadyAsync(platform);
        var completed = await Checkouts.CompleteAsync(platform, ready["id"]!.GetValue<string>(), Checkouts.Complete());
        var orderId = completed.Json["order"]!["id"]!.GetValue<string>();
        var received = Assert.Single(await fixture.Receiver.WaitForAsync("registered", 1));
        // A receiver built on this library accepts it as sent.
        var verifier = new IncomingWebhookVerifier(TimeProvider.System);
        Assert.Equal(
            IncomingWebhookVerdict.Valid,
            verifier.Verify(System.Text.Encoding.UTF8.GetBytes(secret), received.Body, received.Header("x-ucp-signature"), received.Header("x-ucp-timestamp")));
        Assert.True(SignatureVerifier.Verify(received.Header, received.Derived, (await platform.GetAsync("/.well-known/ucp")).Json, received.Body));
        Assert.Empty(fixture.Receiver.For("updates-only"));

        // A change is an order.updated: only that registration gets it.
        Assert.Equal(HttpStatusCode.OK, (await SimulateAsync("shipping", orderId)).Status);
        Assert.Single(await fixture.Receiver.WaitForAsync("updates-only", 1));

        // Deleted, it receives nothing more; another platform cannot delete it.
        var updatesId = updatesOnly.Json["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client("other-platform").SendAsync(HttpMethod.Delete, $"/ucp/webhooks/{updatesId}", body: null, idempotencyKey: null)).Status);
        Assert.Equal(HttpStatusCode.OK, (await platform.SendAsync(HttpMethod.Delete, $"/ucp/webhooks/{updatesId}", body: null, idempotencyKey: null)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SimulateAsync("delivery", orderId)).Status);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Single(fixture.Receiver.For("updates-only"));
    }

    [Fact]
    public async Task A_registration_needs_a_safe_url_and_known_events()
    {
        var platform = fixture.Client("no-discount");
        var withCredentials = await platform.PostAsync("/ucp/webhooks", """{"url":"https://user:pw@hooks.example/x"}""", idempotencyKey: null);
        var notHttps = await platform.PostAsync("/ucp/webhooks", """{"url":"ftp://hooks.example/x"}""", idempotencyKey: null);
        var unknownEvent = await platform.PostAsync("/ucp/webhooks", """{"url":"https://hooks.example/x","events":["order.deleted"]}""", idempotencyKey: null);

        Assert.Equal((HttpStatusCode.BadRequest, "$.url"), (withCredentials.Status, withCredentials.Json["path"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.BadRequest, "$.url"), (notHttps.Status, notHttps.Json["path"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.BadRequest, "$.events"), (unknownEvent.Status, unknownEvent.Json["path"]!.GetValue<string>()));
        Assert.Empty((await platform.GetAsync("/ucp/webhooks")).Json["webhooks"]!.AsArray());
    }

    private async Task<UcpResponse> SimulateAsync(string what, string orderId, string? secret = WebhookFixture.SimulationSecret)
    {
        using var http = fixture.App.CreateClient();
        if (secret is not null)
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation("Simulation-Secret", secret);
        }

        return await new UcpClient(http, "").PostAsync($"/testing/simulate-{what}/{orderId}", body: null, idempotencyKey: null);
    }

    private async Task<UcpResponse> PutAsync(string orderId, string body)
    {
        using var http = fixture.App.CreateClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Simulation-Secret", WebhookFixture.SimulationSecret);
        return await new UcpClient(http, "").PutAsync($"/ucp/orders/{orderId}", body, idempotencyKey: null);
    }

    private async Task<(string CheckoutId, string OrderId)> PlaceOrderAsync(string scenario)
    {
        var client = fixture.Client("webhooks-" + scenario);
        var ready = await Checkouts.ReadyAsync(client);
        var id = ready["id"]!.GetValue<string>();
        var completed = await Checkouts.CompleteAsync(client, id, Checkouts.Complete());
        Assert.Equal(HttpStatusCode.OK, completed.Status);
        return (id, completed.Json["order"]!["id"]!.GetValue<string>());
    }

    private static async Task<T?> EventuallyAsync<T>(Func<Task<T?>> read, bool expectNull = false)
        where T : class
    {
        for (var attempt = 0; ; attempt++)
        {
            var value = await read();
            if ((value is null) == expectNull || attempt == 100)
            {
                return value;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
