namespace WixUcp;

/// <summary>How <c>Idempotency-Key</c> replay protection of state-changing calls behaves.</summary>
public sealed class IdempotencyOptions
{
    /// <summary>How long a response is kept for replay (UCP: at least 24 hours).</summary>
    public TimeSpan RecordLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Whether state-changing calls without an <c>Idempotency-Key</c> are refused (the 2026-04-08 REST binding requires it).</summary>
    public bool RequireKey { get; set; } = true;

    /// <summary>Longest accepted key.</summary>
    public int MaxKeyLength { get; set; } = 255;
}
