using System.Security.Cryptography;
using System.Text.Json.Nodes;
using WixUcp.FakeWix.Auth;
using WixUcp.FakeWix.Catalog;
using WixUcp.FakeWix.Checkout;
using WixUcp.FakeWix.Orders;
using WixUcp.FakeWix.Webhooks;

namespace WixUcp.FakeWix;

/// <summary>
/// Everything the fake knows: seeded app credentials, instances and their stores, issued tokens, checkouts and orders,
/// injected faults, the request log and sent webhooks. Thread-safe: one lock guards it all; change the seeded models
/// (<see cref="FakeWixInstance.Products"/> and friends) inside <see cref="Mutate"/>.
/// </summary>
public sealed class FakeWixState
{
    /// <summary>The seeded app id (client_id).</summary>
    public const string SeededAppId = "fake-app";

    /// <summary>The seeded app secret (client_secret).</summary>
    public const string SeededAppSecret = "fake-secret";

    /// <summary>The seeded API key, valid for site <c>site-1</c>.</summary>
    public const string SeededApiKey = "fake-api-key";

    private const int MaxRequests = 10_000;
    private readonly Queue<FakeWixRequest> _requests = new();
    private readonly List<FakeWixWebhookDelivery> _deliveries = [];
    private readonly List<FakeWixFault> _faults = [];
    private readonly Dictionary<string, FakeWixInstance> _instances = new(StringComparer.Ordinal);
    private Uri? _webhookUrl;
    private int _tokenGrants;

    internal FakeWixState(FakeWixOptions options)
    {
        Options = options;
        Time = options.Time;
        _webhookUrl = options.WebhookUrl;
        PaymentSettleDelay = options.PaymentSettleDelay;
        WebhookKey = RSA.Create(2048);
        WebhookPublicKeyPem = WebhookKey.ExportSubjectPublicKeyInfoPem();
        foreach (var instance in SeedData.Instances(Time.GetUtcNow()))
        {
            _instances.Add(instance.InstanceId, instance);
        }

        Webhooks = new WebhookSender(this);
    }

    /// <summary>App id (client_id): <c>fake-app</c>.</summary>
    public string AppId { get; } = SeededAppId;

    /// <summary>App secret (client_secret): <c>fake-secret</c>.</summary>
    public string AppSecret { get; } = SeededAppSecret;

    /// <summary>App name as Get App Instance reports it.</summary>
    public string AppName { get; } = "Fake UCP App";

    /// <summary>API key (<c>Authorization: fake-api-key</c> plus <c>wix-site-id: site-1</c>).</summary>
    public string ApiKey { get; } = SeededApiKey;

    /// <summary>The site the API key is valid for.</summary>
    public string ApiKeySiteId { get; } = "site-1";

    /// <summary>The public half of the RSA 2048 key that signs webhook JWTs (SubjectPublicKeyInfo PEM).</summary>
    public string WebhookPublicKeyPem { get; }

    /// <summary>Key id in webhook JWT headers.</summary>
    public string WebhookKeyId { get; } = "fake-wix-webhooks";

    /// <summary>Where webhooks go; null sends nothing (deliveries are still recorded, with no status).</summary>
    public Uri? WebhookUrl
    {
        get => Volatile.Read(ref _webhookUrl);
        set => Volatile.Write(ref _webhookUrl, value);
    }

    /// <summary>How many client-credentials tokens were granted.</summary>
    public int TokenGrants => Volatile.Read(ref _tokenGrants);

    /// <summary>Delay before Add Payments recalculates the order's payment status.</summary>
    public TimeSpan PaymentSettleDelay { get; set; }

    /// <summary>Instances by id (<c>fake-instance-1</c>: V3, USD; <c>fake-instance-2</c>: V1, JPY).</summary>
    public IReadOnlyDictionary<string, FakeWixInstance> Instances => _instances;

    /// <summary>The recorded requests, oldest first (the last 10,000).</summary>
    public IReadOnlyList<FakeWixRequest> Requests
    {
        get
        {
            lock (Sync)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Webhooks sent so far, oldest first.</summary>
    public IReadOnlyList<FakeWixWebhookDelivery> WebhookDeliveries
    {
        get
        {
            lock (Sync)
            {
                return [.. _deliveries];
            }
        }
    }

    /// <summary>Faults still active.</summary>
    public IReadOnlyList<FakeWixFault> Faults
    {
        get
        {
            lock (Sync)
            {
                return [.. _faults];
            }
        }
    }

    internal object Sync { get; } = new();

    internal FakeWixOptions Options { get; }

    internal TimeProvider Time { get; }

    internal RSA WebhookKey { get; }

    internal WebhookSender Webhooks { get; }

    internal Dictionary<string, TokenGrant> Tokens { get; } = new(StringComparer.Ordinal);

    /// <summary>Cancelled when the server stops (set by the app builder).</summary>
    internal CancellationToken Stopping { get; set; }

    /// <summary>Runs <paramref name="change"/> under the state lock (the way to edit seeded products, stock, coupons...).</summary>
    public void Mutate(Action<FakeWixState> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (Sync)
        {
            change(this);
        }
    }

    /// <summary>Adds a fault for the next <see cref="FakeWixFault.Count"/> matching requests.</summary>
    public void AddFault(FakeWixFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (Sync)
        {
            _faults.Add(fault);
        }
    }

    /// <summary>Removes every fault.</summary>
    public void ClearFaults()
    {
        lock (Sync)
        {
            _faults.Clear();
        }
    }

    /// <summary>Makes every token issued so far expired (they then answer 401 EXPIRED_TOKEN).</summary>
    public void ExpireAllTokens()
    {
        lock (Sync)
        {
            var now = Time.GetUtcNow();
            foreach (var grant in Tokens.Values)
            {
                grant.ExpiresAt = now.AddSeconds(-1);
            }
        }
    }

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearRequests()
    {
        lock (Sync)
        {
            _requests.Clear();
        }
    }

    /// <summary>The checkout as <c>GET /ecom/v1/checkouts/{id}</c> would answer it, or null.</summary>
    public JsonObject? GetCheckout(string checkoutId)
    {
        lock (Sync)
        {
            return _instances.Values.Select(i => i.Checkouts.GetValueOrDefault(checkoutId) is { } c ? CheckoutJson.Render(i, c) : null)
                .FirstOrDefault(c => c is not null);
        }
    }

    /// <summary>The order as <c>GET /ecom/v1/orders/{id}</c> would answer it, or null.</summary>
    public JsonObject? GetOrder(string orderId)
    {
        lock (Sync)
        {
            return _instances.Values.Select(i => i.Orders.GetValueOrDefault(orderId)?.Render()).FirstOrDefault(o => o is not null);
        }
    }

    /// <summary>
    /// Signs and POSTs one webhook to <see cref="WebhookUrl"/>. <paramref name="payload"/> is the event body: an object
    /// holding <c>createdEvent</c>, <c>updatedEvent</c>, <c>actionEvent</c> or <c>deletedEvent</c> is used as is,
    /// any other object becomes <c>actionEvent.body</c>. <c>AppInstalled</c>/<c>AppRemoved</c> use Wix's flat app-event data.
    /// </summary>
    public Task<FakeWixWebhookDelivery> SendWebhookAsync(string eventType, string instanceId, string? entityId, JsonObject? payload, CancellationToken ct = default) =>
        Webhooks.SendAsync(eventType, instanceId, entityId, payload, ct);

    /// <summary>Waits until a sent webhook matches (including ones sent before the call).</summary>
    public async Task<FakeWixWebhookDelivery> WaitForWebhookAsync(Func<FakeWixWebhookDelivery, bool> match, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        while (true)
        {
            if (WebhookDeliveries.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            try
            {
                await Task.Delay(20, cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"No matching webhook within {timeout}.");
            }
        }
    }

    /// <summary>Releases the webhook key and client and stops pending background work (the server calls it).</summary>
    internal void Shutdown()
    {
        Webhooks.Dispose();
        WebhookKey.Dispose();
    }

    internal int CountTokenGrant() => Interlocked.Increment(ref _tokenGrants);

    internal FakeWixInstance? InstanceById(string? instanceId) =>
        instanceId is not null && _instances.TryGetValue(instanceId, out var instance) ? instance : null;

    internal FakeWixInstance? InstanceBySite(string siteId) => _instances.Values.FirstOrDefault(i => i.SiteId == siteId);

    internal void Record(FakeWixRequest request)
    {
        lock (Sync)
        {
            _requests.Enqueue(request);
            while (_requests.Count > MaxRequests)
            {
                _requests.Dequeue();
            }
        }
    }

    internal void Record(FakeWixWebhookDelivery delivery)
    {
        lock (Sync)
        {
            _deliveries.Add(delivery);
        }
    }

    /// <summary>The first active fault matching the request, consumed once (exhausted faults are dropped).</summary>
    internal FakeWixFault? TakeFault(string method, string path)
    {
        lock (Sync)
        {
            foreach (var fault in _faults.ToList())
            {
                if (!fault.Matches(method, path))
                {
                    continue;
                }

                var applies = fault.TryConsume();
                if (fault.Remaining <= 0)
                {
                    _faults.Remove(fault);
                }

                if (applies)
                {
                    return fault;
                }
            }

            return null;
        }
    }
}
