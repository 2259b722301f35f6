using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WixUcp.Storage;

namespace WixUcp.Idempotency;

/// <summary>
/// Idempotency records in process memory: for the embedded default and tests. At most
/// <see cref="MemoryStoreOptions.MaxIdempotencyRecords"/> are kept: past that, expired ones are dropped, and if none has
/// expired a new key is refused as the store being unavailable (503).
/// </summary>
internal sealed class InMemoryIdempotencyStore(TimeProvider timeProvider, IOptions<WixUcpOptions>? options = null) : IIdempotencyStore
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromSeconds(1);
    private readonly int _maxRecords = options?.Value.Memory.MaxIdempotencyRecords ?? new MemoryStoreOptions().MaxIdempotencyRecords;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _purge = new();
    private int _count;
    private int _writes;
    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    public ValueTask<IdempotencyBeginResult> TryBeginAsync(string key, string fingerprint, TimeSpan claimLifetime, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (Interlocked.Increment(ref _writes) % 1024 == 0 || Volatile.Read(ref _count) >= _maxRecords)
        {
            Purge(now);
        }

        var claim = new Entry(fingerprint, null, now + claimLifetime);
        while (true)
        {
            if (!_entries.TryGetValue(key, out var existing))
            {
                if (Volatile.Read(ref _count) >= _maxRecords)
                {
                    throw new StoreUnavailableException($"The in-memory idempotency store holds its maximum of {_maxRecords} records (WixUcp:Memory:MaxIdempotencyRecords).") { Store = "memory" };
                }

                if (_entries.TryAdd(key, claim))
                {
                    Interlocked.Increment(ref _count);
                    return ValueTask.FromResult(IdempotencyBeginResult.Started);
                }

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
        if (_entries.TryGetValue(key, out var existing) && existing.Response is null
            && _entries.TryRemove(new KeyValuePair<string, Entry>(key, existing)))
        {
            Interlocked.Decrement(ref _count);
        }

        return ValueTask.CompletedTask;
    }

    private void Purge(DateTimeOffset now)
    {
        lock (_purge)
        {
            if (now - _lastPurge < PurgeInterval)
            {
                return;
            }

            _lastPurge = now;
        }

        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now && _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry)))
            {
                Interlocked.Decrement(ref _count);
            }
        }
    }

    private sealed record Entry(string Fingerprint, IdempotentResponse? Response, DateTimeOffset ExpiresAt);
}
