namespace WixUcp.Idempotency;

/// <summary>
/// Keeps idempotency keys with a fingerprint of the request and the response it got. Implementations must make
/// <see cref="TryBeginAsync"/> atomic so that concurrent duplicates cannot both start.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>Claims <paramref name="key"/> for a request with <paramref name="fingerprint"/>, or reports why not.</summary>
    /// <param name="key">The scoped key (client, operation and the client's key).</param>
    /// <param name="fingerprint">A digest of the request (method, target and body).</param>
    /// <param name="claimLifetime">How long an unfinished claim blocks duplicates (covers crashed requests).</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>Started, or why the request must not run.</returns>
    ValueTask<IdempotencyBeginResult> TryBeginAsync(string key, string fingerprint, TimeSpan claimLifetime, CancellationToken cancellationToken);

    /// <summary>Stores the response of a started request for <paramref name="lifetime"/>.</summary>
    ValueTask CompleteAsync(string key, IdempotentResponse response, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>Releases a claim whose request produced nothing worth replaying, so the client may retry.</summary>
    ValueTask AbandonAsync(string key, CancellationToken cancellationToken);
}
