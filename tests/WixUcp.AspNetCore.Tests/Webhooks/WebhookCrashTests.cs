using System.Net;
using System.Security.Cryptography;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.Storage.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Webhooks;

/// <summary>
/// Deliveries survive a crash: the sample host, with its outbox in the real PostgreSQL, is killed (SIGKILL) while its
/// order webhooks are still failing; a new process on the same database delivers each of them, and the receiver, which
/// deduplicates by <c>Webhook-Id</c>, sees each order's event exactly once (at least once on the wire).
/// </summary>
public sealed class WebhookCrashTests : IAsyncLifetime
{
    private const int Orders = 3;
    private readonly FakePlatform _platform = new();
    private readonly string _database = "wixucp_hooks_" + Guid.NewGuid().ToString("N");
    private readonly string _encryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private WebhookReceiver? _receiver;
    private string? _databaseUrl;

    public async ValueTask InitializeAsync()
    {
        await _platform.InitializeAsync();
        _receiver = await WebhookReceiver.StartAsync();
        _platform.OrderWebhookBase = _receiver.BaseUrl;
    }

    public async ValueTask DisposeAsync()
    {
        if (_databaseUrl is not null)
        {
            await TestPostgres.DropDatabaseAsync(_database);
        }

        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }

        await _platform.DisposeAsync();
    }

    [Fact]
    public async Task Pending_deliveries_of_a_killed_process_are_delivered_by_the_next_one_exactly_once_per_order()
    {
        TestServices.DatabaseUrl();
        _databaseUrl = await TestPostgres.CreateDatabaseAsync(_database);
        var environment = Environment(maxAttempts: 1000);

        // The receiver refuses everything until the crash.
        _receiver!.Script("crash", [.. Enumerable.Repeat((500, TimeSpan.Zero), 10_000)]);
        var first = await SampleHostProcess.StartAsync(environment);
        var orders = new List<string>();
        for (var i = 0; i < Orders; i++)
        {
            orders.Add(await PlaceOrderAsync(first));
        }

        await WaitUntilAsync(() => DistinctIds().Count == Orders);
        first.Kill();
        await first.DisposeAsync();

        _receiver.ClearScript("crash");
        await using var second = await SampleHostProcess.StartAsync(environment);
        await WaitUntilAsync(() => DistinctIds().All(id => _receiver.For("crash").Any(r => r.Header("webhook-id") == id && r.Answered == 204)));

        var received = _receiver.For("crash");
        var delivered = received.Where(r => r.Answered == 204).GroupBy(r => r.Header("webhook-id")).ToList();
        Assert.Equal(Orders, DistinctIds().Count);
        Assert.Equal(Orders, delivered.Count);
        Assert.Equal(orders.Order(StringComparer.Ordinal), delivered.Select(d => System.Text.Json.Nodes.JsonNode.Parse(d.First().Body)!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.True(received.Count > Orders);   // at least once on the wire: the refused attempts came first
    }

    [Fact]
    public async Task Two_replicas_sharing_the_outbox_deliver_each_webhook_once()
    {
        TestServices.DatabaseUrl();
        _databaseUrl = await TestPostgres.CreateDatabaseAsync(_database);
        var environment = Environment(maxAttempts: 10);
        var replicas = await Task.WhenAll(SampleHostProcess.StartAsync(environment), SampleHostProcess.StartAsync(environment));
        await using var a = replicas[0];
        await using var b = replicas[1];

        var orders = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => PlaceOrderAsync(i % 2 == 0 ? a : b)));
        await WaitUntilAsync(() => DistinctIds().Count == orders.Length);
        await Task.Delay(1500, TestContext.Current.CancellationToken);   // past both replicas' polls: any double claim would show now

        var received = _receiver!.For("crash");
        Assert.Equal(orders.Length, received.Count);
        Assert.All(received, r => Assert.Equal(204, r.Answered));
        Assert.Equal(orders.Order(StringComparer.Ordinal), received.Select(r => System.Text.Json.Nodes.JsonNode.Parse(r.Body)!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_operator_lists_dead_letters_and_replays_one_with_the_sample_host_verbs()
    {
        TestServices.DatabaseUrl();
        _databaseUrl = await TestPostgres.CreateDatabaseAsync(_database);
        var environment = Environment(maxAttempts: 2);
        _receiver!.Script("crash", (500, TimeSpan.Zero), (500, TimeSpan.Zero));
        await using var host = await SampleHostProcess.StartAsync(environment);
        var orderId = await PlaceOrderAsync(host);
        await WaitUntilAsync(() => _receiver.For("crash").Count == 2);

        string? id = null;
        for (var attempt = 0; attempt < 100 && id is null; attempt++)
        {
            var (code, output, _) = await SampleHostProcess.RunCommandAsync(environment, "webhooks", "dead-letters");
            Assert.Equal(0, code);
            id = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).FirstOrDefault(f => f.Length > 1 && f[1] == orderId)?[0];
            if (id is null)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        Assert.NotNull(id);
        var replay = await SampleHostProcess.RunCommandAsync(environment, "webhooks", "replay", id);
        var unknown = await SampleHostProcess.RunCommandAsync(environment, "webhooks", "replay", "not-a-webhook");

        Assert.Equal(0, replay.ExitCode);
        Assert.Equal(1, unknown.ExitCode);
        await WaitUntilAsync(() => _receiver.For("crash").Any(r => r.Answered == 204 && r.Header("webhook-id") == id));
        Assert.Single(_receiver.For("crash").Select(r => r.Header("webhook-id")).Distinct());
    }

    private Dictionary<string, string> Environment(int maxAttempts) => new()
    {
        ["DATABASE_URL"] = _databaseUrl!,
        ["UCP_AUTH_ENABLED"] = "false",
        ["WixUcp__Encryption__CurrentKeyId"] = "k1",
        ["WixUcp__Encryption__Keys__k1"] = _encryptionKey,
        ["WixUcp__PublicBaseUrl"] = "https://shop.test/",
        ["WixUcp__Signing__PrivateKeyPem"] = UcpAppFactory.SigningKeyPem,
        ["WixUcp__Auth__ApiKeyPepper"] = UcpAppFactory.ApiKeyPepper,
        ["WixUcp__Negotiation__AllowInsecureLoopbackProfiles"] = "true",
        ["Sample__ServeDemoPlatformProfile"] = "false",
        ["WixUcp__Webhooks__AllowInsecureLoopbackTargets"] = "true",
        ["WixUcp__Webhooks__InitialDelay"] = "00:00:00.200",
        ["WixUcp__Webhooks__MaxDelay"] = "00:00:00.300",
        ["WixUcp__Webhooks__PollInterval"] = "00:00:00.050",
        ["WixUcp__Webhooks__ClaimLease"] = "00:00:02",
        ["WixUcp__Webhooks__RequestTimeout"] = "00:00:01",   // shorter than the lease, as start-up validation requires
        ["WixUcp__Webhooks__MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private HashSet<string> DistinctIds() => [.. _receiver!.For("crash").Select(r => r.Header("webhook-id")!)];

    private async Task<string> PlaceOrderAsync(SampleHostProcess host)
    {
        var created = await HostCalls.SendAsync(host, _platform, HttpMethod.Post, "/ucp/checkout-sessions", Checkouts.Create(), Agent);
        var id = created.Json["id"]!.GetValue<string>();
        var addressed = await HostCalls.SendAsync(host, _platform, HttpMethod.Put, $"/ucp/checkout-sessions/{id}",
            Checkouts.Update(created.Json, """{"fulfillment":{"methods":[{"type":"shipping","selected_destination_id":"addr_ada_work"}]}}"""), Agent);
        await HostCalls.SendAsync(host, _platform, HttpMethod.Put, $"/ucp/checkout-sessions/{id}",
            Checkouts.Update(addressed.Json, """{"fulfillment":{"methods":[{"type":"shipping","groups":[{"id":"fg_1","selected_option_id":"ship-standard"}]}]}}"""), Agent);
        var completed = await HostCalls.SendAsync(host, _platform, HttpMethod.Post, $"/ucp/checkout-sessions/{id}/complete", Checkouts.Complete(), Agent);
        Assert.Equal((HttpStatusCode.OK, "completed"), (completed.Status, completed.Json["status"]!.GetValue<string>()));
        return completed.Json["order"]!["id"]!.GetValue<string>();
    }

    private void Agent(HttpRequestMessage request)
    {
        request.Headers.Remove("UCP-Agent");
        request.Headers.TryAddWithoutValidation("UCP-Agent", _platform.Agent("webhooks-crash"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(condition(), "The condition was not met within 30 s.");
    }
}
