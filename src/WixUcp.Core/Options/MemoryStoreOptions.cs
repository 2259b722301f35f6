namespace WixUcp;

/// <summary>
/// Bounds of the in-memory stores of the embedded default, so anonymous traffic cannot grow the process without limit:
/// past a cap, new checkouts and idempotency keys get 503 <c>backend_unavailable</c> with <c>Retry-After</c> until
/// expired records make room.
/// </summary>
public sealed class MemoryStoreOptions
{
    /// <summary>Most checkout sessions kept at once (about 8 KB each).</summary>
    public int MaxCheckoutSessions { get; set; } = 100_000;

    /// <summary>Most carts kept at once (<c>WixUcp:Memory:MaxCarts</c>).</summary>
    public int MaxCarts { get; set; } = 100_000;

    /// <summary>Most idempotency records kept at once.</summary>
    public int MaxIdempotencyRecords { get; set; } = 200_000;

    /// <summary>How long a session stays readable after it expires before it is dropped.</summary>
    public TimeSpan ExpiredSessionRetention { get; set; } = TimeSpan.FromDays(1);
}
