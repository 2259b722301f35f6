namespace WixUcp.Idempotency;

/// <summary>How a claim of an idempotency key ended.</summary>
public enum IdempotencyBeginStatus
{
    /// <summary>First use of the key: the caller runs the request and then completes or abandons it.</summary>
    Started,

    /// <summary>Same key, same request, already answered: replay <see cref="IdempotencyBeginResult.Response"/>.</summary>
    Replay,

    /// <summary>Same key, different request: refuse with 409.</summary>
    Conflict,

    /// <summary>Same key, the first request is still running: refuse with 409 and let the client retry.</summary>
    InProgress,
}
