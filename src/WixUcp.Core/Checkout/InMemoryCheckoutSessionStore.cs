using System.Collections.Concurrent;

namespace WixUcp.Checkout;

/// <summary>Checkout sessions in process memory: for the embedded default and tests; lost on restart.</summary>
internal sealed class InMemoryCheckoutSessionStore(TimeProvider timeProvider) : ICheckoutSessionStore
{
    // Sessions stay readable for a day after they expire, then are dropped on a later write.
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<string, CheckoutSession> _sessions = new(StringComparer.Ordinal);
    private int _writes;

    public ValueTask<CheckoutSession?> GetAsync(string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_sessions.TryGetValue(id, out var session) ? session : null);

    public ValueTask<bool> TryCreateAsync(CheckoutSession session, CancellationToken cancellationToken)
    {
        PurgeNow();
        return ValueTask.FromResult(_sessions.TryAdd(session.Id, session));
    }

    public ValueTask<bool> TryUpdateAsync(CheckoutSession session, long expectedVersion, CancellationToken cancellationToken)
    {
        while (_sessions.TryGetValue(session.Id, out var current))
        {
            if (current.Version != expectedVersion)
            {
                return ValueTask.FromResult(false);
            }

            if (_sessions.TryUpdate(session.Id, session, current))
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
        foreach (var (id, session) in _sessions)
        {
            if (session.ExpiresAt < cutoff)
            {
                _sessions.TryRemove(id, out _);
            }
        }
    }
}
