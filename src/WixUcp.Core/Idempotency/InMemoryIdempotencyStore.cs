using System.Collections.Concurrent;

namespace WixUcp.Idempotency;

/// <summary>Idempotency records in process memory: for the embedded default and tests.</summary>
internal sealed class InMemoryIdempotencyStore(TimeProvider timeProvider) : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _writes;

    public ValueTask<IdempotencyBeginResult> TryBeginAsync(string key, string fingerprint, TimeSpan claimLifetime, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        Purge(now);
        var claim = new Entry(fingerprint, null, now + claimLifetime);
        while (true)
        {
            if (_entries.TryAdd(key, claim))
            {
                return ValueTask.FromResult(IdempotencyBeginResult.Started);
            }

            if (!_entries.TryGetValue(key, out var existing))
            {
                continue;
            }

            if (existing.ExpiresAt <= now)
            {
                // An expired record (or a claim left by a crashed request) no longer holds the key.
                if (_entries.TryUpdate(key, claim, existing))
                {
                    return ValueTask.FromResult(IdempotencyBeginResult.Started);
                }

                continue;
            }

            if (!string.Equals(existing.Fingerprint, fingerprint, StringComparison.Ordinal))
            {
                return ValueTask.FromResult(IdempotencyBeginResult.Conflict);
            }

            return ValueTask.FromResult(existing.Response is null
                ? IdempotencyBeginResult.InProgress
                : new IdempotencyBeginResult(IdempotencyBeginStatus.Replay, existing.Response));
        }
    }

    public ValueTask CompleteAsync(string key, IdempotentResponse response, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);

        // The caller's buffer may be reused: keep a copy of the bytes to replay.
        var kept = response with { Body = response.Body.ToArray() };
        _entries.AddOrUpdate(
            key,
            _ => throw new InvalidOperationException("The idempotency key was not claimed."),
            (_, existing) => existing with { Response = kept, ExpiresAt = timeProvider.GetUtcNow() + lifetime });
        return ValueTask.CompletedTask;
    }

    public ValueTask AbandonAsync(string key, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(key, out var existing) && existing.Response is null)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, existing));
        }

        return ValueTask.CompletedTask;
    }

    private void Purge(DateTimeOffset now)
    {
        if (Interlocked.Increment(ref _writes) % 1024 != 0)
        {
            return;
        }

        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
    }

    private sealed record Entry(string Fingerprint, IdempotentResponse? Response, DateTimeOffset ExpiresAt);
}
