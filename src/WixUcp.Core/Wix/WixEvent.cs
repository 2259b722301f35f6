using System.Text.Json;

namespace WixUcp.Wix;

/// <summary>One verified Wix webhook event.</summary>
/// <param name="Id">The event's unique id (deduplication).</param>
/// <param name="EventType">For example <c>AppInstalled</c> or <c>wix.ecom.v1.fulfillments_updated</c>.</param>
/// <param name="InstanceId">The app instance (site) it concerns.</param>
/// <param name="EntityId">The entity's id (an order), when the event has one.</param>
/// <param name="EventTime">When Wix says it happened.</param>
/// <param name="Body">The entity, current entity or action body (JSON object), whichever the event carries.</param>
internal sealed record WixEvent(string Id, string EventType, string InstanceId, string? EntityId, DateTimeOffset EventTime, JsonElement? Body);
