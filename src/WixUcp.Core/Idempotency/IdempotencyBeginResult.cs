namespace WixUcp.Idempotency;

/// <summary>The answer of <see cref="IIdempotencyStore.TryBeginAsync"/>.</summary>
/// <param name="Status">Whether the caller may run the request, must replay, or must refuse.</param>
/// <param name="Response">For <see cref="IdempotencyBeginStatus.Replay"/>: the stored response.</param>
public sealed record IdempotencyBeginResult(IdempotencyBeginStatus Status, IdempotentResponse? Response = null)
{
    /// <summary>The key was claimed: run the request.</summary>
    public static IdempotencyBeginResult Started { get; } = new(IdempotencyBeginStatus.Started);

    /// <summary>The key was used with a different request.</summary>
    public static IdempotencyBeginResult Conflict { get; } = new(IdempotencyBeginStatus.Conflict);

    /// <summary>The key's first request is still running.</summary>
    public static IdempotencyBeginResult InProgress { get; } = new(IdempotencyBeginStatus.InProgress);
}
