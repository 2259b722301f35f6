using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WixUcp.Storage;

namespace WixUcp.Checkout;

/// <summary>
/// Checkout sessions in process memory: for the embedded default and tests; lost on restart. Sessions are immutable
/// records, so the store keeps them as objects (durable stores write <see cref="UcpRecordSerializer"/> bytes). At most
/// <see cref="MemoryStoreOptions.MaxCheckoutSessions"/> are kept: past that, expired ones are dropped, and if none has
/// expired a new checkout is refused as the store being unavailable (503) instead of growing the process.
/// </summary>
internal sealed class InMemoryCheckoutSessionStore(TimeProvider timeProvider, IOptions<WixUcpOptions>? options = null) : ICheckoutSessionStore
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromSeconds(1);
    private readonly MemoryStoreOptions _limits = options?.Value.Memory ?? new MemoryStoreOptions();
    private readonly ConcurrentDictionary<(string Tenant, string Id), CheckoutSession> _sessions = new();
    private readonly Lock _purge = new();
    private int _count;
    private int _writes;
    private DateTimeOffset _lastFullPurge = DateTimeOffset.MinValue;

    public ValueTask<CheckoutSession?> GetAsync(string tenantId, string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_sessions.TryGetValue((tenantId, id), out var session) ? session : null);

    public ValueTask<bool> TryCreateAsync(CheckoutSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (Interlocked.Increment(ref _writes) % 1024 == 0 || Volatile.Read(ref _count) >= _limits.MaxCheckoutSessions)
        {
            Purge();
        }

        if (Volatile.Read(ref _count) >= _limits.MaxCheckoutSessions)
        {
            throw new StoreUnavailableException($"The in-memory checkout store holds its maximum of {_limits.MaxCheckoutSessions} sessions (WixUcp:Memory:MaxCheckoutSessions).") { Store = "memory" };
        }

        if (!_sessions.TryAdd((session.TenantId, session.Id), session))
        {
            return ValueTask.FromResult(false);
        }

        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(true);
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

    // Drops sessions past their expiry and retention; a full store scans at most once a second, so a flood of creates
    // against a full store costs no more than that.
    private void Purge()
    {
        var now = timeProvider.GetUtcNow();
        lock (_purge)
        {
            if (now - _lastFullPurge < PurgeInterval)
            {
                return;
            }

            _lastFullPurge = now;
        }

        var cutoff = now - _limits.ExpiredSessionRetention;
        foreach (var (key, session) in _sessions)
        {
            if (session.ExpiresAt < cutoff && _sessions.TryRemove(new KeyValuePair<(string, string), CheckoutSession>(key, session)))
            {
                Interlocked.Decrement(ref _count);
            }
        }
    }
}
