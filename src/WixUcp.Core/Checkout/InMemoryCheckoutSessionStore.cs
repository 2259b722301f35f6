using System.Collections.Concurrent;
using WixUcp.Storage;

namespace WixUcp.Checkout;

/// <summary>
/// Checkout sessions in process memory, held as stored-record bytes like every other store: for the embedded default
/// and tests; lost on restart.
/// </summary>
internal sealed class InMemoryCheckoutSessionStore(TimeProvider timeProvider) : ICheckoutSessionStore
{
    // Sessions stay readable for a day after they expire, then are dropped on a later write.
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<(string Tenant, string Id), Entry> _sessions = new();
    private int _writes;

    public ValueTask<CheckoutSession?> GetAsync(string tenantId, string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_sessions.TryGetValue((tenantId, id), out var entry) ? UcpRecordSerializer.DeserializeCheckoutSession(entry.Bytes) : null);

    public ValueTask<bool> TryCreateAsync(CheckoutSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        PurgeNow();
        return ValueTask.FromResult(_sessions.TryAdd((session.TenantId, session.Id), Entry.Of(session)));
    }

    public ValueTask<bool> TryUpdateAsync(CheckoutSession session, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var key = (session.TenantId, session.Id);
        var next = Entry.Of(session);
        while (_sessions.TryGetValue(key, out var current))
        {
            if (current.Version != expectedVersion)
            {
                return ValueTask.FromResult(false);
            }

            if (_sessions.TryUpdate(key, next, current))
            {
                return ValueTask.FromResult(true);
            }
        }

        return ValueTask.FromResult(false);
    }

    private void PurgeNow()
    {
        if (Interlocked.Increment(ref _writes) % 1024 != 0)
        {
            return;
        }

        var cutoff = timeProvider.GetUtcNow() - Retention;
        foreach (var (key, entry) in _sessions)
        {
            if (entry.ExpiresAt < cutoff)
            {
                _sessions.TryRemove(new KeyValuePair<(string, string), Entry>(key, entry));
            }
        }
    }

    private sealed record Entry(long Version, DateTimeOffset ExpiresAt, byte[] Bytes)
    {
        public static Entry Of(CheckoutSession session) => new(session.Version, session.ExpiresAt, UcpRecordSerializer.Serialize(session));
    }
}
