using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WixUcp.Signatures;
using WixUcp.Storage;
using WixUcp.Webhooks;

namespace WixUcp.Core.Tests.Webhooks;

public sealed class WebhookDispatcherTests
{
    private static readonly Uri Target = new("https://hooks.example/orders");

    [Fact]
    public async Task An_outbox_that_fails_to_record_an_attempt_does_not_stop_the_dispatcher_and_the_delivery_comes_back()
    {
        var options = Options();
        var outbox = new FlakyOutbox(new InMemoryWebhookOutbox(options)) { UpdateFailures = 1 };
        var receiver = new RecordingHandler();
        using var dispatcher = Dispatcher(options, outbox, receiver);
        await outbox.EnqueueAsync([Delivery("first")], TestContext.Current.CancellationToken);

        await dispatcher.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            // The first attempt arrives but its outcome cannot be recorded; the claim lapses and it is sent again.
            await WaitUntilAsync(() => receiver.Count("first") >= 2 && outbox.Recorded.Contains("first"));
            Assert.False(dispatcher.ExecuteTask!.IsCompleted);

            // Still running: a later delivery goes out as usual.
            await outbox.EnqueueAsync([Delivery("second")], TestContext.Current.CancellationToken);
            await WaitUntilAsync(() => outbox.Recorded.Contains("second"));
            Assert.Equal(1, receiver.Count("second"));
            Assert.False(dispatcher.ExecuteTask!.IsCompleted);
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_registration_store_that_throws_does_not_stop_the_dispatcher_and_the_delivery_comes_back()
    {
        var options = Options();
        var outbox = new FlakyOutbox(new InMemoryWebhookOutbox(options));
        var registrations = new FlakyRegistrations { GetFailures = 1 };
        var receiver = new RecordingHandler();
        using var dispatcher = Dispatcher(options, outbox, receiver, registrations);
        await outbox.EnqueueAsync([Delivery("registered") with { RegistrationId = "whr_1" }], TestContext.Current.CancellationToken);

        await dispatcher.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            // The secret cannot be read the first time (a decryption error); once the claim lapses it is delivered.
            await WaitUntilAsync(() => outbox.Recorded.Contains("registered"));
            Assert.Equal(1, receiver.Count("registered"));
            Assert.False(dispatcher.ExecuteTask!.IsCompleted);
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_late_retry_to_a_registration_is_signed_over_the_attempts_timestamp_and_verifies()
    {
        var options = Options();
        var outbox = new FlakyOutbox(new InMemoryWebhookOutbox(options));
        var receiver = new RecordingHandler();
        using var dispatcher = Dispatcher(options, outbox, receiver, new FlakyRegistrations());
        var hoursAgo = DateTimeOffset.UtcNow.AddHours(-3);
        await outbox.EnqueueAsync([Delivery("late") with { RegistrationId = "whr_1", CreatedAt = hoursAgo, Attempts = 5 }], TestContext.Current.CancellationToken);

        await dispatcher.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            await WaitUntilAsync(() => outbox.Recorded.Contains("late"));
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }

        var (headers, body) = receiver.Last("late");
        Assert.Equal(hoursAgo.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), headers["Webhook-Timestamp"]);
        Assert.Equal(
            IncomingWebhookVerdict.Valid,
            new IncomingWebhookVerifier(TimeProvider.System).Verify("whsec_test"u8, body, headers.GetValueOrDefault("X-UCP-Signature"), headers.GetValueOrDefault("X-UCP-Timestamp")));
    }

    [Theory]
    [InlineData("http://hooks.example/orders", null, "target_not_allowed")]
    [InlineData("https://hooks.example/orders", "whr_deleted", "registration_deleted")]
    public async Task A_delivery_that_can_never_succeed_is_dead_lettered_after_its_first_attempt(string target, string? registrationId, string failure)
    {
        var options = Options();
        var outbox = new FlakyOutbox(new InMemoryWebhookOutbox(options));
        var receiver = new RecordingHandler();
        using var dispatcher = Dispatcher(options, outbox, receiver, new FlakyRegistrations());
        await outbox.EnqueueAsync([Delivery("hopeless") with { Target = new Uri(target), RegistrationId = registrationId }], TestContext.Current.CancellationToken);

        await dispatcher.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            await WaitUntilAsync(() => outbox.Updates.Any(u => u.Id == "hopeless"));
            await Task.Delay(200, TestContext.Current.CancellationToken);   // a retry would be due after about 50 ms
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }

        var update = Assert.Single(outbox.Updates, u => u.Id == "hopeless");
        Assert.Equal((WebhookDeliveryStatus.DeadLettered, 1, failure), (update.Status, update.Attempts, update.LastError));
        Assert.Equal(0, receiver.Count("hopeless"));
    }

    private static IOptions<WixUcpOptions> Options()
    {
        var options = new WixUcpOptions();
        options.Webhooks.PollInterval = TimeSpan.FromMilliseconds(20);
        options.Webhooks.ClaimLease = TimeSpan.FromMilliseconds(300);
        options.Webhooks.InitialDelay = TimeSpan.FromMilliseconds(50);
        options.Webhooks.RequestTimeout = TimeSpan.FromMilliseconds(200);
        return Microsoft.Extensions.Options.Options.Create(options);
    }

    private static WebhookDispatcher Dispatcher(IOptions<WixUcpOptions> options, IWebhookOutbox outbox, RecordingHandler receiver, IWebhookRegistrationStore? registrations = null) =>
        new(outbox, new StubSigner(), new SingleClientFactory(receiver), TimeProvider.System, options, NullLogger<WebhookDispatcher>.Instance, registrations: registrations);

    private static WebhookDelivery Delivery(string id) => new()
    {
        Id = id,
        TenantId = "default",
        OrderId = "ord_" + id,
        OrderVersion = 1,
        Target = Target,
        UcpAgent = "profile=\"https://shop.test/.well-known/ucp\"",
        Body = """{"id":"ord_1"}"""u8.ToArray(),
        CreatedAt = DateTimeOffset.UtcNow,
        NextAttemptAt = DateTimeOffset.UtcNow,
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.True(condition(), "Timed out waiting for the dispatcher.");
    }

    /// <summary>The in-memory outbox, except that its first <see cref="UpdateFailures"/> updates fail as a store outage would.</summary>
    private sealed class FlakyOutbox(IWebhookOutbox inner) : IWebhookOutbox
    {
        private int _updates;

        public int UpdateFailures { get; init; }

        public ConcurrentBag<string> Recorded { get; } = [];

        public ConcurrentQueue<WebhookDelivery> Updates { get; } = new();

        public ValueTask EnqueueAsync(IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken) => inner.EnqueueAsync(deliveries, cancellationToken);

        public ValueTask<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken) =>
            inner.ClaimDueAsync(now, max, lease, cancellationToken);

        public async ValueTask UpdateAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _updates) <= UpdateFailures)
            {
                throw new StoreUnavailableException("The outbox store is down.") { Store = "test" };
            }

            await inner.UpdateAsync(delivery, cancellationToken);
            Updates.Enqueue(delivery);
            if (delivery.Status == WebhookDeliveryStatus.Delivered)
            {
                Recorded.Add(delivery.Id);
            }
        }

        public ValueTask<IReadOnlyList<WebhookDelivery>> ListDeadLettersAsync(int max, CancellationToken cancellationToken) => inner.ListDeadLettersAsync(max, cancellationToken);

        public ValueTask<bool> ReplayAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) => inner.ReplayAsync(id, now, cancellationToken);
    }

    private sealed class FlakyRegistrations : IWebhookRegistrationStore
    {
        private int _gets;

        public int GetFailures { get; init; }

        public ValueTask<WebhookRegistration?> GetAsync(string id, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _gets) <= GetFailures)
            {
                throw new CryptographicException("The key that wrapped this secret is gone.");
            }

            if (id == "whr_deleted")
            {
                return ValueTask.FromResult<WebhookRegistration?>(null);
            }

            return ValueTask.FromResult<WebhookRegistration?>(new WebhookRegistration
            {
                Id = id, InstanceId = "ins_1", PlatformId = "platform", WebhookUrl = Target, Events = ["order.created"], Secret = "whsec_test", CreatedAt = DateTimeOffset.UtcNow,
            });
        }

        public ValueTask<bool> TryAddAsync(WebhookRegistration registration, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<IReadOnlyList<WebhookRegistration>> ListAsync(string instanceId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<bool> DeleteAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    /// <summary>The receiver: answers 204 and counts requests per <c>Webhook-Id</c>.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, (Dictionary<string, string> Headers, byte[] Body)> _last = new(StringComparer.Ordinal);

        public int Count(string webhookId) => _counts.GetValueOrDefault(webhookId);

        public (Dictionary<string, string> Headers, byte[] Body) Last(string webhookId) => _last[webhookId];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var id = request.Headers.GetValues("Webhook-Id").Single();
            var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            _last[id] = (request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase), body);
            _counts.AddOrUpdate(id, 1, (_, n) => n + 1);
            return new HttpResponseMessage(System.Net.HttpStatusCode.NoContent);
        }
    }

    private sealed class SingleClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private sealed class StubSigner : IWebhookSigner
    {
        private static readonly SignatureHeaders Headers = new("sha-256=:x:", "sig=()", "sig=:x:");

        public SignatureHeaders Sign(Uri target, string ucpAgent, string contentType, ReadOnlySpan<byte> body) => Headers;

        public SignatureHeaders SignWebhook(Uri target, string ucpAgent, string contentType, string webhookId, string webhookTimestamp, ReadOnlySpan<byte> body) => Headers;

        public string SignHmac(ReadOnlySpan<byte> secret, string timestamp, ReadOnlySpan<byte> body) => IncomingWebhookVerifier.Sign(secret, timestamp, body);

        public bool VerifyHmac(ReadOnlySpan<byte> secret, string timestamp, ReadOnlySpan<byte> body, string? signature) => false;
    }
}
