namespace WixUcp.Idempotency;

public sealed record IdempotencyBeginResult(IdempotencyBeginStatus Status, IdempotentResponse? Response = null)
{
    public static IdempotencyBeginResult Started { get; } = new(IdempotencyBeginStatus.Started);

    public static IdempotencyBeginResult Conflict { get; } = new(IdempotencyBeginStatus.Conflict);

    public static IdempotencyBeginResult InProgress { get; } = new(IdempotencyBeginStatus.InProgress);
}
