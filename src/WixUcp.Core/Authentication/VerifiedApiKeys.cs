using System.Collections.Concurrent;
using WixUcp.ApiKeys;

namespace WixUcp.Authentication;

/// <summary>
/// The API keys this process verified recently, by key hash, with when each was read: only keys the store knows get in,
/// so guesses cannot fill it. A revocation in this process clears it at once; other replicas see one within the window.
/// </summary>
internal sealed class VerifiedApiKeys
{
    private const int MaxKeys = 10_000;
    private readonly ConcurrentDictionary<string, (ApiKeyRecord Record, DateTimeOffset ReadAt)> _keys = new(StringComparer.Ordinal);

    public bool TryGet(string hash, DateTimeOffset now, TimeSpan window, out ApiKeyRecord record)
    {
        if (_keys.TryGetValue(hash, out var entry) && now - entry.ReadAt < window)
        {
            record = entry.Record;
            return true;
        }

        record = null!;
        return false;
    }

    public void Remember(string hash, ApiKeyRecord record, DateTimeOffset now)
    {
        if (_keys.Count >= MaxKeys)
        {
            _keys.Clear();
        }

        _keys[hash] = (record, now);
    }

    public void Forget(string hash) => _keys.TryRemove(hash, out _);

    public void Clear() => _keys.Clear();
}
