namespace WixUcp.ApiKeys;

/// <summary>Where API keys are kept, by their keyed hash (PostgreSQL <c>api_keys</c>, or memory).</summary>
public interface IApiKeyStore
{
    /// <summary>Adds a key.</summary>
    /// <param name="record">The key's record.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>False when the hash is taken.</returns>
    ValueTask<bool> TryAddAsync(ApiKeyRecord record, CancellationToken cancellationToken);

    /// <summary>Finds a key by its keyed hash.</summary>
    /// <param name="keyHash">The keyed hash of the presented key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or null.</returns>
    ValueTask<ApiKeyRecord?> FindAsync(ReadOnlyMemory<byte> keyHash, CancellationToken cancellationToken);

    /// <summary>Records a use of the key.</summary>
    /// <param name="keyHash">The key's hash.</param>
    /// <param name="usedAt">When it was used.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when recorded.</returns>
    ValueTask TouchAsync(ReadOnlyMemory<byte> keyHash, DateTimeOffset usedAt, CancellationToken cancellationToken);

    /// <summary>Revokes a key.</summary>
    /// <param name="keyId">The key's public handle.</param>
    /// <param name="revokedAt">When.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>False when there was no such active key.</returns>
    ValueTask<bool> RevokeAsync(string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken);

    /// <summary>Lists keys, newest first.</summary>
    /// <param name="limit">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The keys' records.</returns>
    ValueTask<IReadOnlyList<ApiKeyRecord>> ListAsync(int limit, CancellationToken cancellationToken);
}
