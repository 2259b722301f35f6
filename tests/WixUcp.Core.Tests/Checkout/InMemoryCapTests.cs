using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WixUcp.Checkout;
using WixUcp.Idempotency;
using WixUcp.Storage;

namespace WixUcp.Core.Tests.Checkout;

/// <summary>The embedded default cannot be grown without bound: past its cap a store refuses new records until some expire.</summary>
public sealed class InMemoryCapTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_full_session_store_refuses_new_checkouts_until_expired_ones_are_dropped()
    {
        var options = new WixUcpOptions();
        options.Memory.MaxCheckoutSessions = 2;
        options.Memory.ExpiredSessionRetention = TimeSpan.FromHours(1);
        var store = new InMemoryCheckoutSessionStore(_time, Options.Create(options));

        Assert.True(await store.TryCreateAsync(Session("chk_1"), Ct));
        Assert.True(await store.TryCreateAsync(Session("chk_2"), Ct));
        await Assert.ThrowsAsync<StoreUnavailableException>(async () => await store.TryCreateAsync(Session("chk_3"), Ct));

        // Expired (6 h) and past retention (1 h): both are dropped and there is room again.
        _time.Advance(TimeSpan.FromHours(7.5));
        Assert.True(await store.TryCreateAsync(Session("chk_3"), Ct));
        Assert.Null(await store.GetAsync("t1", "chk_1", Ct));
    }

    [Fact]
    public async Task A_full_idempotency_store_refuses_new_keys_but_answers_known_ones()
    {
        var options = new WixUcpOptions();
        options.Memory.MaxIdempotencyRecords = 2;
        var store = new InMemoryIdempotencyStore(_time, Options.Create(options));
        var claim = TimeSpan.FromMinutes(2);

        await store.TryBeginAsync("a", "fp", claim, Ct);
        await store.TryBeginAsync("b", "fp", claim, Ct);

        await Assert.ThrowsAsync<StoreUnavailableException>(async () => await store.TryBeginAsync("c", "fp", claim, Ct));
        Assert.Equal(IdempotencyBeginStatus.InProgress, (await store.TryBeginAsync("a", "fp", claim, Ct)).Status);

        _time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(IdempotencyBeginStatus.Started, (await store.TryBeginAsync("c", "fp", claim, Ct)).Status);
    }

    private CheckoutSession Session(string id) => new()
    {
        TenantId = "t1",
        Id = id,
        Status = CheckoutStatus.Incomplete,
        Currency = "USD",
        CreatedAt = _time.GetUtcNow(),
        UpdatedAt = _time.GetUtcNow(),
        ExpiresAt = _time.GetUtcNow().AddHours(6),
        Version = 1,
    };
}
