namespace WixUcp;

/// <summary>Delivery of order webhooks: retries with exponential backoff and jitter, then a dead letter.</summary>
public sealed class WebhookOptions
{
    /// <summary>Whether this process runs the dispatcher (every replica may: claims keep them apart).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>Attempts before a delivery is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>The wait after the first failed attempt; it doubles after each, up to <see cref="MaxDelay"/>, ±20% jitter.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between attempts (12 attempts then span about three and a half hours).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one attempt may take, connection included.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts in flight at once to one receiver (host and port).</summary>
    public int MaxConcurrencyPerTarget { get; set; } = 4;

    /// <summary>Deliveries claimed per round.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>How often the dispatcher looks for due deliveries when it found none.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim lasts before another dispatcher may take the delivery (a crashed replica's claims come back).</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Most deliveries the in-memory outbox keeps (pending and dead-lettered).</summary>
    public int MaxStoredDeliveries { get; set; } = 100_000;

    /// <summary>Accept <c>http://</c> loopback receivers (tests and local development only).</summary>
    public bool AllowInsecureLoopbackTargets { get; set; }
}
