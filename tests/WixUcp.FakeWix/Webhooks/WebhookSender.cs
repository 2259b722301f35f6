using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using WixUcp.FakeWix.Infrastructure;

namespace WixUcp.FakeWix.Webhooks;

/// <summary>
/// Signs webhooks as Wix does (compact RS256 JWT; its <c>data</c> claim is a JSON string holding eventType,
/// instanceId, <c>data</c> — another JSON string with the domain event — and <c>identity</c>, a JSON string) and POSTs
/// them as <c>text/plain</c>, one at a time in order, recording each delivery. No retries.
/// </summary>
internal sealed class WebhookSender(FakeWixState state) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void SendInBackground(List<WebhookEvent> events)
    {
        if (events.Count > 0)
        {
            _ = SendAllAsync(events, state.Stopping);
        }
    }

    public async Task<List<FakeWixWebhookDelivery>> SendAllAsync(IEnumerable<WebhookEvent> events, CancellationToken ct)
    {
        var deliveries = new List<FakeWixWebhookDelivery>();
        foreach (var e in events)
        {
            deliveries.Add(await SendAsync(e.EventType, e.InstanceId, e.EntityId, e.Payload, ct).ConfigureAwait(false));
        }

        return deliveries;
    }

    public async Task<FakeWixWebhookDelivery> SendAsync(string eventType, string instanceId, string? entityId, JsonObject? payload, CancellationToken ct)
    {
        try
        {
            await _gate.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            throw new OperationCanceledException("The fake is stopping.");
        }

        try
        {
            var now = state.Time.GetUtcNow();
            var eventId = Wire.NewId();
            var jwt = Sign(Envelope(eventType, instanceId, entityId, payload, eventId, now), now);
            var url = state.WebhookUrl;
            int? status = null;
            string? error = null;
            if (url is null)
            {
                error = "no webhook target configured";
            }
            else
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(state.Options.WebhookTimeout);
                try
                {
                    using var content = new StringContent(jwt, Encoding.UTF8);
                    content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
                    using var response = await _http.PostAsync(url, content, timeout.Token).ConfigureAwait(false);
                    status = (int)response.StatusCode;
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    error = $"no answer within {state.Options.WebhookTimeout.TotalMilliseconds} ms";
                }
                catch (HttpRequestException e)
                {
                    error = e.Message;
                }
            }

            var delivery = new FakeWixWebhookDelivery(eventId, eventType, instanceId, entityId, url, status, error, jwt, now);
            state.Record(delivery);
            return delivery;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The decoded value of the JWT's <c>data</c> claim.</summary>
    private JsonObject Envelope(string eventType, string instanceId, string? entityId, JsonObject? payload, string eventId, DateTimeOffset now)
    {
        if (!eventType.Contains('.', StringComparison.Ordinal))
        {
            // App events (AppInstalled, AppRemoved, ...) keep Wix's older flat shape: data holds the event's own fields.
            var appData = payload?.DeepClone().AsObject() ?? (eventType == "AppInstalled"
                ? new JsonObject { ["appId"] = state.AppId, ["originInstanceId"] = "" }
                : []);
            return new JsonObject
            {
                ["eventType"] = eventType,
                ["instanceId"] = instanceId,
                ["data"] = appData.ToJsonString(Wire.Output),
                ["identity"] = new JsonObject { ["identityType"] = "WIX_USER", ["wixUserId"] = "fake-site-owner" }.ToJsonString(Wire.Output),
            };
        }

        var tail = eventType[(eventType.LastIndexOf('.') + 1)..];
        var split = tail.IndexOf('_', StringComparison.Ordinal);
        var entityFqdn = split < 0 ? eventType : eventType[..(eventType.Length - tail.Length)] + tail[..split];
        var slug = split < 0 ? "" : tail[(split + 1)..];

        var inner = new JsonObject
        {
            ["id"] = eventId,
            ["entityFqdn"] = entityFqdn,
            ["slug"] = slug,
            ["entityId"] = entityId ?? "",
            ["eventTime"] = Wire.Date(now),
            ["triggeredByAnonymizeRequest"] = false,
            ["originatedFrom"] = "",
        };
        var body = payload?.DeepClone().AsObject() ?? [];
        if (!body.Any(p => p.Key is "createdEvent" or "updatedEvent" or "actionEvent" or "deletedEvent"))
        {
            body = new JsonObject { ["actionEvent"] = new JsonObject { ["body"] = body } };
        }

        foreach (var (key, value) in body)
        {
            inner[key] = state.Options.WebhookEntitiesAsJsonStrings ? AsJsonStrings(key, value) : value?.DeepClone();
        }

        return new JsonObject
        {
            ["eventType"] = eventType,
            ["instanceId"] = instanceId,
            ["data"] = inner.ToJsonString(Wire.Output),
            ["identity"] = new JsonObject { ["identityType"] = "APP", ["appId"] = state.AppId }.ToJsonString(Wire.Output),
        };
    }

    private static JsonNode? AsJsonStrings(string kind, JsonNode? value)
    {
        if (value is not JsonObject o)
        {
            return value?.DeepClone();
        }

        var (from, to) = kind switch
        {
            "createdEvent" => ("entity", "entityAsJson"),
            "updatedEvent" => ("currentEntity", "currentEntityAsJson"),
            "actionEvent" => ("body", "bodyAsJson"),
            _ => ("deletedEntity", "deletedEntityAsJson"),
        };
        var copy = new JsonObject();
        foreach (var (key, member) in o)
        {
            copy[key == from ? to : key] = key == from ? member?.ToJsonString(Wire.Output) : member?.DeepClone();
        }

        return copy;
    }

    private string Sign(JsonObject envelope, DateTimeOffset now)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = state.WebhookKeyId };
        var claims = new JsonObject
        {
            ["data"] = envelope.ToJsonString(Wire.Output),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(5).ToUnixTimeSeconds(),
        };
        var signingInput = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString(Wire.Output))) + "." + Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString(Wire.Output)));
        var signature = state.WebhookKey.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose()
    {
        _http.Dispose();
        _gate.Dispose();
    }
}
