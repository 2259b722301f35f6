using System.Collections.Concurrent;

namespace WixUcp.ApiKeys;

/// <summary>API keys in process memory: for the embedded default and tests.</summary>
internal sealed class InMemoryApiKeyStore : IApiKeyStore
{
    private readonly ConcurrentDictionary<string, ApiKeyRecord> _keys = new(StringComparer.Ordinal);

    public ValueTask<bool> TryAddAsync(ApiKeyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ValueTask.FromResult(!_keys.Values.Any(k => k.KeyId == record.KeyId) && _keys.TryAdd(Id(record.KeyHash), record));
    }

    public ValueTask<ApiKeyRecord?> FindAsync(ReadOnlyMemory<byte> keyHash, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_keys.TryGetValue(Id(keyHash), out var record) ? record : null);

    public ValueTask TouchAsync(ReadOnlyMemory<byte> keyHash, DateTimeOffset usedAt, CancellationToken cancellationToken)
    {
        _keys.AddOrUpdate(Id(keyHash), _ => throw new KeyNotFoundException("No such API key."), (_, record) => record with { LastUsedAt = usedAt });
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RevokeAsync(string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        foreach (var (id, record) in _keys)
        {
            if (record.KeyId == keyId && record.RevokedAt is null && _keys.TryUpdate(id, record with { RevokedAt = revokedAt }, record))
            {
                return ValueTask.FromResult(true);
            }
        }

        return ValueTask.FromResult(false);
    }

    public ValueTask<IReadOnlyList<ApiKeyRecord>> ListAsync(int limit, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ApiKeyRecord>>([.. _keys.Values.OrderByDescending(k => k.CreatedAt).Take(limit)]);

    private static string Id(ReadOnlyMemory<byte> hash) => Convert.ToHexString(hash.Span);
}
