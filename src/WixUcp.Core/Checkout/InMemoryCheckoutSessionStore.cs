using System.Collections.Concurrent;

namespace WixUcp.Checkout;

/// <summary>
/// Checkout sessions in process memory: for the embedded default and tests; lost on restart. Sessions are immutable
/// records, so the store keeps them as objects (durable stores write <see cref="Storage.UcpRecordSerializer"/> bytes).
/// </summary>
internal sealed class InMemoryCheckoutSessionStore(TimeProvider timeProvider) : ICheckoutSessionStore
{
    // Sessions stay readable for a day after they expire, then are dropped on a later write.
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<(string Tenant, string Id), CheckoutSession> _sessions = new();
    private int _writes;

    public ValueTask<CheckoutSession?> GetAsync(string tenantId, string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_sessions.TryGetValue((tenantId, id), out var session) ? session : null);

    public ValueTask<bool> TryCreateAsync(CheckoutSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        PurgeNow();
        return ValueTask.FromResult(_sessions.TryAdd((session.TenantId, session.Id), session));
    }

    public ValueTask<bool> TryUpdateAsync(CheckoutSession session, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var key = (session.TenantId, session.Id);
        while (_sessions.TryGetValue(key, out var current))
        {
            if (current.Version != expectedVersion)
            {
                return ValueTask.FromResult(false);
            }

            if (_sessions.TryUpdate(key, session, current))
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
        foreach (var (key, session) in _sessions)
        {
            if (session.ExpiresAt < cutoff)
            {
                _sessions.TryRemove(new KeyValuePair<(string, string), CheckoutSession>(key, session));
            }
        }
    }
}
