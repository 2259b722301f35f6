using System.Text.Json.Nodes;
using WixUcp.FakeWix.Orders;

namespace WixUcp.FakeWix.Webhooks;

/// <summary>A webhook to send: type, instance, entity and the event body (createdEvent, updatedEvent, actionEvent...).</summary>
internal sealed record WebhookEvent(string EventType, string InstanceId, string? EntityId, JsonObject? Payload)
{
    public static WebhookEvent Created(string eventType, OrderRecord order) =>
        new(eventType, order.InstanceId, order.Id, new JsonObject { ["createdEvent"] = new JsonObject { ["entity"] = order.Render() } });

    public static WebhookEvent Updated(string eventType, OrderRecord order) =>
        new(eventType, order.InstanceId, order.Id, new JsonObject { ["updatedEvent"] = new JsonObject { ["currentEntity"] = order.Render() } });

    public static WebhookEvent Action(string eventType, OrderRecord order, JsonObject body) =>
        new(eventType, order.InstanceId, order.Id, new JsonObject { ["actionEvent"] = new JsonObject { ["body"] = body } });
}
