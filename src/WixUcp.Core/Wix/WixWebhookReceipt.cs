namespace WixUcp.Wix;

/// <summary>What became of one Wix webhook.</summary>
/// <param name="Accepted">Whether it was verified (then Wix gets a 200, even for events this server does not act on).</param>
/// <param name="Refusal">Why it was refused, when it was (never the token).</param>
/// <param name="EventType">The event's type, when verified.</param>
/// <param name="Outcome">handled, duplicate, stale or ignored, when verified.</param>
public sealed record WixWebhookReceipt(bool Accepted, string? Refusal, string? EventType = null, string? Outcome = null);
