using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WixUcp.RateLimiting;

namespace WixUcp.Core.Tests.RateLimiting;

/// <summary>The weighted two-window counter on a fake clock: exact decisions, header values and retry times.</summary>
public sealed class InMemoryRateLimiterTests
{
    private static readonly DateTimeOffset WindowStart = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly RateLimitBudget ThreePerMinute = new(3, TimeSpan.FromMinutes(1));

    private readonly FakeTimeProvider _time = new(WindowStart);

    [Fact]
    public void A_window_admits_its_limit_with_falling_remaining_and_then_refuses()
    {
        var limiter = Limiter();

        var decisions = Enumerable.Range(0, 4).Select(_ => limiter.Acquire("p", "c", ThreePerMinute)).ToList();

        Assert.Equal([true, true, true, false], decisions.Select(d => d.IsAllowed));
        Assert.Equal([2, 1, 0, 0], decisions.Select(d => d.Remaining));
        Assert.All(decisions, d => Assert.Equal(3, d.Limit));

        // This window's three requests decay out of the next window: the whole budget is back two windows on.
        Assert.Equal(TimeSpan.FromMinutes(2), decisions[0].Reset);

        // Three requests at 0 s: a fourth fits once 1/3 of them has slid out, 20 s into the next window.
        Assert.Equal(TimeSpan.FromSeconds(80), decisions[3].RetryAfter);
        Assert.Equal(TimeSpan.Zero, decisions[0].RetryAfter);
    }

    [Fact]
    public void Retry_after_is_exact_in_whole_seconds()
    {
        var limiter = Limiter();
        Exhaust(limiter);
        var refused = limiter.Acquire("p", "c", ThreePerMinute);

        _time.Advance(refused.RetryAfter - TimeSpan.FromSeconds(1));
        var early = limiter.Acquire("p", "c", ThreePerMinute);
        _time.Advance(TimeSpan.FromSeconds(1));
        var onTime = limiter.Acquire("p", "c", ThreePerMinute);

        Assert.False(early.IsAllowed);
        Assert.True(onTime.IsAllowed);
    }

    [Fact]
    public void The_previous_window_counts_by_how_much_of_it_the_sliding_window_still_covers()
    {
        var limiter = Limiter();
        Exhaust(limiter);

        // 59.999 s: still the same window.
        _time.Advance(TimeSpan.FromMilliseconds(59_999));
        Assert.False(limiter.Acquire("p", "c", ThreePerMinute).IsAllowed);

        // 60 s: a new window, where the previous three count in full (3 × 60/60): nothing fits yet.
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var atBoundary = limiter.Acquire("p", "c", ThreePerMinute);
        Assert.False(atBoundary.IsAllowed);
        Assert.Equal(TimeSpan.FromSeconds(20), atBoundary.RetryAfter);

        // 90 s: half of the previous window remains (3 × 30/60 = 1.5), so one fits (2.5) and a second does not (3.5).
        _time.Advance(TimeSpan.FromSeconds(30));
        var first = limiter.Acquire("p", "c", ThreePerMinute);
        var second = limiter.Acquire("p", "c", ThreePerMinute);
        Assert.Equal((true, 0), (first.IsAllowed, first.Remaining));
        Assert.False(second.IsAllowed);

        // 120 s: the window with three has slid out; the one with one counts in full.
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, limiter.Acquire("p", "c", ThreePerMinute).Remaining);
    }

    [Fact]
    public void A_quiet_window_in_between_forgets_the_older_one()
    {
        var limiter = Limiter();
        Exhaust(limiter);

        _time.Advance(TimeSpan.FromMinutes(2));
        var decision = limiter.Acquire("p", "c", ThreePerMinute);

        Assert.Equal((true, 2), (decision.IsAllowed, decision.Remaining));
        Assert.Equal(TimeSpan.FromMinutes(2), decision.Reset);
    }

    [Fact]
    public void Clients_and_policies_have_budgets_of_their_own()
    {
        var limiter = Limiter();
        Exhaust(limiter);

        Assert.False(limiter.Acquire("p", "c", ThreePerMinute).IsAllowed);
        Assert.True(limiter.Acquire("p", "other client", ThreePerMinute).IsAllowed);
        Assert.True(limiter.Acquire("other policy", "c", ThreePerMinute).IsAllowed);
    }

    [Fact]
    public void Past_its_cap_of_clients_it_refuses_new_ones_until_idle_ones_are_dropped()
    {
        var limiter = Limiter(maxClients: 2);
        Assert.True(limiter.Acquire("p", "a", ThreePerMinute).IsAllowed);
        Assert.True(limiter.Acquire("p", "b", ThreePerMinute).IsAllowed);

        var third = limiter.Acquire("p", "c", ThreePerMinute);
        Assert.False(third.IsAllowed);
        Assert.True(limiter.Acquire("p", "a", ThreePerMinute).IsAllowed);   // known clients are unaffected

        // Two windows later a and b no longer matter and make room.
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(limiter.Acquire("p", "c", ThreePerMinute).IsAllowed);
    }

    [Fact]
    public void Concurrent_requests_of_one_client_never_admit_more_than_the_limit()
    {
        var limiter = Limiter();
        var budget = new RateLimitBudget(100, TimeSpan.FromMinutes(1));
        var admitted = 0;

        Parallel.For(0, 1000, _ =>
        {
            if (limiter.Acquire("p", "c", budget).IsAllowed)
            {
                Interlocked.Increment(ref admitted);
            }
        });

        Assert.Equal(100, admitted);
    }

    private static void Exhaust(InMemoryRateLimiter limiter)
    {
        for (var i = 0; i < ThreePerMinute.PermitLimit; i++)
        {
            Assert.True(limiter.Acquire("p", "c", ThreePerMinute).IsAllowed);
        }
    }

    private InMemoryRateLimiter Limiter(int maxClients = 100)
    {
        var options = new WixUcpOptions();
        options.RateLimits.MaxTrackedClients = maxClients;
        return new InMemoryRateLimiter(_time, Options.Create(options));
    }
}
