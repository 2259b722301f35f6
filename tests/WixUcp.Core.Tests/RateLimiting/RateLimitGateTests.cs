using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WixUcp.RateLimiting;
using WixUcp.Storage;

namespace WixUcp.Core.Tests.RateLimiting;

/// <summary>The store-failure policy: a limiter whose store is down decides at once, by policy, without asking again.</summary>
public sealed class RateLimitGateTests
{
    [Theory]
    [InlineData(RateLimitStoreFailure.FailOpen, true)]
    [InlineData(RateLimitStoreFailure.FailClosed, false)]
    public async Task An_unreachable_store_is_decided_by_policy_and_not_asked_again_at_once(RateLimitStoreFailure policy, bool allowed)
    {
        var store = new UnreachableLimiter();
        var options = new WixUcpOptions();
        options.RateLimits.StoreFailure = policy;
        var gate = new RateLimitGate(store, Options.Create(options), NullLogger<RateLimitGate>.Instance, metrics: null);

        var first = await gate.DecideAsync(UcpRateLimitPolicies.Checkout, "platform:a", TestContext.Current.CancellationToken);
        var second = await gate.DecideAsync(UcpRateLimitPolicies.Checkout, "platform:a", TestContext.Current.CancellationToken);

        Assert.Equal((allowed, true), (first.IsAllowed, first.StoreUnavailable));
        Assert.Equal(first, second);
        Assert.Equal(1, store.Calls);
        if (!allowed)
        {
            Assert.Equal(TimeSpan.FromSeconds(5), first.RetryAfter);
        }
    }

    [Fact]
    public void Clients_are_counted_by_platform_when_authenticated_else_by_address()
    {
        Assert.Equal("platform:acme", RateLimitGate.ClientKey("acme", "203.0.113.7"));
        Assert.Equal("address:203.0.113.7", RateLimitGate.ClientKey(null, "203.0.113.7"));
        Assert.Equal("address:unknown", RateLimitGate.ClientKey("", null));
    }

    private sealed class UnreachableLimiter : IRateLimiter
    {
        public int Calls { get; private set; }

        public ValueTask<RateLimitDecision> AcquireAsync(string policy, string client, RateLimitBudget budget, CancellationToken cancellationToken)
        {
            Calls++;
            throw new StoreUnavailableException("Redis did not answer.") { Store = "redis" };
        }
    }
}
