namespace WixUcp.FakeWix;

/// <summary>One request the fake received (<c>/_fake</c> routes are not recorded).</summary>
/// <param name="Time">When it arrived (options clock).</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path, e.g. <c>/ecom/v1/checkouts</c>.</param>
/// <param name="QueryString">Query string including <c>?</c>, or empty.</param>
/// <param name="InstanceId">The app instance its credentials resolved to, or null.</param>
/// <param name="Authorization">The raw Authorization header, or null.</param>
/// <param name="BodyLength">Body length in bytes.</param>
/// <param name="Body">Body text (UTF-8).</param>
/// <param name="StatusCode">The status the fake answered.</param>
public sealed record FakeWixRequest(
    DateTimeOffset Time, string Method, string Path, string QueryString, string? InstanceId, string? Authorization,
    long BodyLength, string Body, int StatusCode);

/// <summary>One webhook the fake sent (or tried to send).</summary>
/// <param name="EventId">The event's unique id (inner <c>data.id</c>; receivers dedupe on it).</param>
/// <param name="EventType">e.g. <c>wix.ecom.v1.order_created</c> or <c>AppInstalled</c>.</param>
/// <param name="InstanceId">App instance.</param>
/// <param name="EntityId">Entity id, or null.</param>
/// <param name="Url">Target, or null when none was configured (then nothing was sent).</param>
/// <param name="StatusCode">The receiver's status, or null when it failed or timed out.</param>
/// <param name="Error">Why it failed, or null.</param>
/// <param name="Jwt">The body sent: a compact RS256 JWT.</param>
/// <param name="SentAt">When (options clock).</param>
public sealed record FakeWixWebhookDelivery(
    string EventId, string EventType, string InstanceId, string? EntityId, Uri? Url, int? StatusCode, string? Error,
    string Jwt, DateTimeOffset SentAt)
{
    /// <summary>Whether the receiver answered 2xx.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
