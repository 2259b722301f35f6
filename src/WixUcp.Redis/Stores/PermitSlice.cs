using System.Diagnostics;
using WixUcp.RateLimiting;

namespace WixUcp.Redis.Stores;

/// <summary>
/// One replica's reserved share of one client's budget, decided locally. Its size follows the client's pace: it doubles
/// while slices are used up within 50 ms of being reserved (up to the limiter's maximum) and halves when one ends with
/// permits unused, so a client that sends a request now and then reserves one permit at a time, as without leasing.
/// A refused reservation is remembered until the budget has room again by the counters Redis returned (other replicas
/// can only add to them), so a client over its budget costs no round trip per request. Guarded by locking the instance.
/// </summary>
internal sealed class PermitSlice
{
    private static readonly long QuickUse = Stopwatch.Frequency / 20;

    private int _left;
    private int _size;
    private long _reservedAt;
    private long _endsAt;
    private long _current;
    private long _previous;
    private long _elapsedAtReservation;
    private long _refusedUntil;

    /// <summary>The reservation in flight, shared by every request waiting for this slice.</summary>
    public Task<PermitGrant>? Refilling { get; set; }

    /// <summary>Decides locally: takes one reserved permit if any is left in Redis's current window, or refuses while the last refusal holds.</summary>
    /// <param name="limit">The budget's requests per window.</param>
    /// <param name="window">The window's length in milliseconds.</param>
    /// <param name="decision">The decision, with the counters as this replica knows them.</param>
    /// <returns>Whether it was decided without Redis.</returns>
    public bool TryDecide(int limit, long window, out RateLimitDecision decision)
    {
        var now = Stopwatch.GetTimestamp();
        var elapsed = _elapsedAtReservation + (long)Stopwatch.GetElapsedTime(_reservedAt, now).TotalMilliseconds;
        if (now < _refusedUntil)
        {
            // The refusal may reach into the next window; the counters are reported as Redis would roll them.
            var (current, previous) = elapsed < window ? (_current, _previous) : (0L, _current);
            decision = SlidingWindowCounter.Decide(false, limit, start: 0, current, previous, elapsed % window, window);
            return true;
        }

        if (_left == 0 || now >= _endsAt)
        {
            decision = default;
            return false;
        }

        _left--;

        // Permits reserved but not yet handed out are not reported as used; other replicas' reservations are.
        decision = SlidingWindowCounter.Decide(true, limit, start: 0, _current - _left, _previous, Math.Min(elapsed, window - 1), window);
        return true;
    }

    /// <summary>How many permits the next reservation asks for.</summary>
    /// <param name="maxSize">The most one slice may hold.</param>
    /// <returns>The size, between 1 and <paramref name="maxSize"/>.</returns>
    public int NextSize(int maxSize)
    {
        if (_size == 0)
        {
            _size = 1;
        }
        else if (_left > 0)
        {
            _size = Math.Max(1, _size / 2);
        }
        else if (Stopwatch.GetTimestamp() - _reservedAt < QuickUse)
        {
            _size = Math.Min(maxSize, _size * 2);
        }

        return Math.Min(_size, maxSize);
    }

    /// <summary>Starts a new slice from a reservation; the rest of the previous one, if any, is given up.</summary>
    /// <param name="grant">The reservation's answer.</param>
    /// <param name="sentAt">When the reservation was sent: the slice ends that long before Redis's window does at the latest.</param>
    /// <param name="limit">The budget's requests per window.</param>
    /// <param name="window">The window's length in milliseconds.</param>
    public void Refilled(PermitGrant grant, long sentAt, int limit, long window)
    {
        _left = grant.Granted;

        // A budget with less room than asked for is nearly spent: ask for no more than it gave next time.
        _size = Math.Max(1, Math.Min(_size, grant.Granted));
        _reservedAt = sentAt;
        _current = grant.Current;
        _previous = grant.Previous;
        _elapsedAtReservation = grant.Elapsed;

        // Counting from when the script was sent, not when it answered, ends the slice no later than Redis's window.
        _endsAt = sentAt + ((window - grant.Elapsed) * Stopwatch.Frequency / 1000);

        // Refused: nothing is admitted before the room returns, whatever other replicas do meanwhile.
        _refusedUntil = grant.Granted > 0 ? 0 : sentAt + (long)((SlidingWindowCounter.RoomAt(limit, grant.Current, grant.Previous, window) - grant.Elapsed) * Stopwatch.Frequency / 1000);
    }

    /// <summary>Whether the slice has ended and nobody is reserving for it, so forgetting it loses nothing.</summary>
    /// <param name="now">A <see cref="Stopwatch"/> timestamp.</param>
    /// <returns>Whether it is idle.</returns>
    public bool IsIdle(long now) => Refilling is null && now >= _endsAt && now >= _refusedUntil;
}
