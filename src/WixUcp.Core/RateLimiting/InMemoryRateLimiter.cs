using System.Collections.Concurrent;

namespace WixUcp.RateLimiting;

/// <summary>
/// The weighted two-window counter (<see cref="SlidingWindowCounter"/>) in this process's memory: the embedded default, and
/// the tests'. Tracks at most <see cref="RateLimitOptions.MaxTrackedClients"/> clients; past that, idle ones are
/// dropped first, and a client that still finds no room is refused rather than let through uncounted.
/// </summary>
internal sealed class InMemoryRateLimiter(TimeProvider timeProvider, Microsoft.Extensions.Options.IOptions<WixUcpOptions> options) : IRateLimiter
{
    // Tolerance for the floating-point estimate, so a request exactly at the boundary is admitted.
    private const double Epsilon = 1e-9;

    private readonly ConcurrentDictionary<(string Policy, string Client), Counter> _counters = new();
    private readonly int _maxClients = options.Value.RateLimits.MaxTrackedClients;
    private long _lastSweep;

    public ValueTask<RateLimitDecision> AcquireAsync(string policy, string client, RateLimitBudget budget, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Acquire(policy, client, budget));

    public RateLimitDecision Acquire(string policy, string client, RateLimitBudget budget)
    {
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var window = (long)budget.Window.TotalMilliseconds;
        if (!_counters.TryGetValue((policy, client), out var counter))
        {
            if (_counters.Count >= _maxClients && !Sweep(now, window))
            {
                // Full of clients that are all still active: refuse rather than stop counting.
                return new RateLimitDecision(false, budget.PermitLimit, 0, budget.Window, TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(budget.Window.TotalSeconds))));
            }

            counter = _counters.GetOrAdd((policy, client), static _ => new Counter());
        }

        lock (counter)
        {
            (counter.Start, counter.Current, counter.Previous) = SlidingWindowCounter.Roll(counter.Start, counter.Current, counter.Previous, now, window);
            var allowed = SlidingWindowCounter.Estimate(counter.Current, counter.Previous, now - counter.Start, window) + 1 <= budget.PermitLimit + Epsilon;
            if (allowed)
            {
                counter.Current++;
            }

            counter.LastSeen = now;
            return SlidingWindowCounter.Decide(allowed, budget.PermitLimit, counter.Start, counter.Current, counter.Previous, now, window);
        }
    }

    // Drops clients idle for two windows (their counts no longer matter); at most once a second.
    private bool Sweep(long now, long window)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (now - last >= 1000 && Interlocked.CompareExchange(ref _lastSweep, now, last) == last)
        {
            foreach (var (key, counter) in _counters)
            {
                if (now - Volatile.Read(ref counter.LastSeen) >= 2 * window)
                {
                    _counters.TryRemove(key, out _);
                }
            }
        }

        return _counters.Count < _maxClients;
    }

    private sealed class Counter
    {
        public long Start;
        public long Current;
        public long Previous;
        public long LastSeen;
    }
}
