namespace WixUcp.Webhooks;

/// <summary>
/// One order event for one receiver, as the outbox keeps it: the exact body and the id and timestamp every attempt
/// sends again, so a retry is byte-for-byte the first attempt and the receiver can deduplicate by <see cref="Id"/>.
/// </summary>
public sealed record WebhookDelivery
{
    /// <summary>The <c>Webhook-Id</c> (a UUID derived from the order, its revision and the target, so enqueuing twice is one delivery).</summary>
    public required string Id { get; init; }

    /// <summary>The store the order belongs to.</summary>
    public required string TenantId { get; init; }

    /// <summary>The order the event is about.</summary>
    public required string OrderId { get; init; }

    /// <summary>The order revision whose snapshot is the body.</summary>
    public required long OrderVersion { get; init; }

    /// <summary>The receiver's URL.</summary>
    public required Uri Target { get; init; }

    /// <summary>The webhook registration the target came from, when it holds a shared secret (then <c>X-UCP-Timestamp</c> and <c>X-UCP-Signature</c> are sent too).</summary>
    public string? RegistrationId { get; init; }

    /// <summary>The <c>UCP-Agent</c> sent: the business's own profile.</summary>
    public required string UcpAgent { get; init; }

    /// <summary>The exact body: the full order in the platform's protocol version.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The <c>Webhook-Timestamp</c>: when the event was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Attempts made so far.</summary>
    public int Attempts { get; init; }

    /// <summary>When the next attempt is due.</summary>
    public required DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>Where the delivery stands.</summary>
    public WebhookDeliveryStatus Status { get; init; }

    /// <summary>Why the last attempt failed (status code or error kind, never the receiver's body).</summary>
    public string? LastError { get; init; }

    /// <summary>
    /// The lease of the claim that handed this delivery out, as the outbox recorded it; null for a delivery not claimed.
    /// Outboxes ignore an update that carries a lease other than the current one: a claim that outlived its lease, and
    /// was claimed again elsewhere, must not overwrite the new claim's progress or release its lease.
    /// </summary>
    public DateTimeOffset? LeasedUntil { get; init; }
}
