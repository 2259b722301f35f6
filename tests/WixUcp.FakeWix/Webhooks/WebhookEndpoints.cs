using System.Text.Json.Nodes;
using WixUcp.FakeWix.Infrastructure;

namespace WixUcp.FakeWix.Webhooks;

/// <summary>
/// Test hooks: <c>POST /_fake/webhooks/target {url}</c>, <c>POST /_fake/webhooks/send {eventType, instanceId, entityId, payload}</c>,
/// <c>GET /_fake/webhooks/deliveries</c>, <c>POST /_fake/apps/install|remove {instanceId}</c> (AppInstalled/AppRemoved),
/// <c>GET /_fake/requests</c>.
/// </summary>
internal static class WebhookEndpoints
{
    public static JsonObject Describe(FakeWixWebhookDelivery d)
    {
        var json = new JsonObject
        {
            ["eventId"] = d.EventId,
            ["eventType"] = d.EventType,
            ["instanceId"] = d.InstanceId,
            ["succeeded"] = d.Succeeded,
            ["sentAt"] = Wire.Date(d.SentAt),
        };
        return json.With("entityId", d.EntityId).With("url", d.Url?.AbsoluteUri).With("statusCode", d.StatusCode).With("error", d.Error);
    }

    public static void Map(IEndpointRouteBuilder app, FakeWixState state)
    {
        app.MapPost("/_fake/webhooks/target", (HttpContext http) =>
        {
            var url = Wire.Str(Wire.ReadObject(http), "url");
            state.WebhookUrl = string.IsNullOrEmpty(url) ? null
                : Uri.TryCreate(url, UriKind.Absolute, out var target) ? target : throw WixErrors.BadRequest("url", "must be an absolute URL");
            return Wire.Json(new JsonObject { ["url"] = state.WebhookUrl?.AbsoluteUri });
        });

        app.MapPost("/_fake/webhooks/send", async (HttpContext http, CancellationToken ct) =>
        {
            var body = Wire.ReadObject(http);
            var eventType = Wire.Str(body, "eventType") ?? throw WixErrors.BadRequest("eventType", "is required");
            var instanceId = Wire.Str(body, "instanceId") ?? "fake-instance-1";
            var payload = body["payload"] switch
            {
                null => null,
                JsonObject o => o,
                JsonValue v when v.TryGetValue<string>(out var text) => JsonNode.Parse(text) as JsonObject
                    ?? throw WixErrors.BadRequest("payload", "must be a JSON object (or a string holding one)"),
                _ => throw WixErrors.BadRequest("payload", "must be a JSON object (or a string holding one)"),
            };
            var delivery = await state.SendWebhookAsync(eventType, instanceId, Wire.Str(body, "entityId"), payload, ct).ConfigureAwait(false);
            return Wire.Json(Describe(delivery));
        });

        app.MapGet("/_fake/webhooks/deliveries", () =>
            Wire.Json(new JsonObject { ["deliveries"] = new JsonArray([.. state.WebhookDeliveries.Select(d => (JsonNode)Describe(d))]) }));

        app.MapPost("/_fake/apps/install", (HttpContext http, CancellationToken ct) => SetInstalledAsync(http, state, true, ct));
        app.MapPost("/_fake/apps/remove", (HttpContext http, CancellationToken ct) => SetInstalledAsync(http, state, false, ct));

        app.MapGet("/_fake/requests", () => Wire.Json(new JsonObject
        {
            ["requests"] = new JsonArray([.. state.Requests.TakeLast(200).Select(r => (JsonNode)new JsonObject
            {
                ["method"] = r.Method,
                ["path"] = r.Path + r.QueryString,
                ["instanceId"] = r.InstanceId,
                ["bodyLength"] = r.BodyLength,
                ["statusCode"] = r.StatusCode,
            })]),
        }));
    }

    private static async Task<IResult> SetInstalledAsync(HttpContext http, FakeWixState state, bool installed, CancellationToken ct)
    {
        var instanceId = Wire.Str(Wire.ReadObject(http), "instanceId") ?? throw WixErrors.BadRequest("instanceId", "is required");
        lock (state.Sync)
        {
            var instance = state.InstanceById(instanceId) ?? throw WixErrors.NotFound("INSTANCE_NOT_FOUND", $"Instance {instanceId} not found");
            instance.Installed = installed;
        }

        var delivery = await state.SendWebhookAsync(installed ? "AppInstalled" : "AppRemoved", instanceId, null, null, ct).ConfigureAwait(false);
        return Wire.Json(Describe(delivery));
    }
}
