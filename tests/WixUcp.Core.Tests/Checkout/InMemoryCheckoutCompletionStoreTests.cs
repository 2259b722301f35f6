using Microsoft.Extensions.Time.Testing;
using WixUcp.Checkout;
using WixUcp.Orders;

namespace WixUcp.Core.Tests.Checkout;

public sealed class InMemoryCheckoutCompletionStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly InMemoryCheckoutSessionStore _sessions = new(new FakeTimeProvider(Now));
    private readonly InMemoryOrderStore _orders = new();
    private readonly InMemoryCheckoutCompletionStore _completions;

    public InMemoryCheckoutCompletionStoreTests() => _completions = new InMemoryCheckoutCompletionStore(_sessions, _orders, new WixUcp.Webhooks.InMemoryWebhookOutbox(Microsoft.Extensions.Options.Options.Create(new WixUcpOptions())));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _completions.Dispose();

    [Fact]
    public async Task Completion_writes_the_session_and_the_order_together()
    {
        var claimed = Session("chk_1", version: 2, CheckoutStatus.CompleteInProgress);
        await _sessions.TryCreateAsync(claimed, Ct);

        var committed = await _completions.TryCommitAsync(Completion(claimed, "ord_1"), Ct);

        Assert.True(committed);
        Assert.Equal((CheckoutStatus.Completed, 3L), ((await _sessions.GetAsync("t1", "chk_1", Ct))!.Status, (await _sessions.GetAsync("t1", "chk_1", Ct))!.Version));
        Assert.Equal("chk_1", (await _orders.GetAsync("t1", "ord_1", Ct))!.CheckoutId);
    }

    [Fact]
    public async Task A_session_changed_meanwhile_writes_nothing()
    {
        var claimed = Session("chk_2", version: 2, CheckoutStatus.CompleteInProgress);
        await _sessions.TryCreateAsync(claimed with { Version = 3 }, Ct);

        var committed = await _completions.TryCommitAsync(Completion(claimed, "ord_2"), Ct);

        Assert.False(committed);
        Assert.Equal(CheckoutStatus.CompleteInProgress, (await _sessions.GetAsync("t1", "chk_2", Ct))!.Status);
        Assert.Null(await _orders.GetAsync("t1", "ord_2", Ct));
    }

    [Fact]
    public async Task Tenants_do_not_share_sessions_or_orders()
    {
        var claimed = Session("chk_3", version: 1, CheckoutStatus.CompleteInProgress);
        await _sessions.TryCreateAsync(claimed, Ct);
        await _completions.TryCommitAsync(Completion(claimed, "ord_3"), Ct);

        Assert.Null(await _sessions.GetAsync("t2", "chk_3", Ct));
        Assert.Null(await _orders.GetAsync("t2", "ord_3", Ct));
        Assert.False(await _sessions.TryUpdateAsync(claimed with { TenantId = "t2", Version = 2 }, 1, Ct));
    }

    [Fact]
    public async Task Order_first_commit_keeps_the_order_when_the_session_moved_and_completes_on_retry()
    {
        var store = new OrderFirstCheckoutCompletionStore(_sessions, _orders, new WixUcp.Webhooks.InMemoryWebhookOutbox(Microsoft.Extensions.Options.Options.Create(new WixUcpOptions())));
        var claimed = Session("chk_4", version: 2, CheckoutStatus.CompleteInProgress);
        await _sessions.TryCreateAsync(claimed with { Version = 3 }, Ct);

        // The session moved on: the order is stored, the checkout is not marked completed.
        Assert.False(await store.TryCommitAsync(Completion(claimed, "ord_4"), Ct));
        Assert.NotNull(await _orders.GetAsync("t1", "ord_4", Ct));
        Assert.Equal(CheckoutStatus.CompleteInProgress, (await _sessions.GetAsync("t1", "chk_4", Ct))!.Status);

        // The retry (same order from the backend) writes nothing twice and completes the checkout.
        Assert.True(await store.TryCommitAsync(Completion(claimed with { Version = 3 }, "ord_4"), Ct));
        Assert.Equal(CheckoutStatus.Completed, (await _sessions.GetAsync("t1", "chk_4", Ct))!.Status);
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await store.TryCommitAsync(Completion(Session("chk_5", 1, CheckoutStatus.CompleteInProgress), "ord_4"), Ct));
    }

    private static CheckoutCompletion Completion(CheckoutSession claimed, string orderId) => new()
    {
        Session = claimed with { Status = CheckoutStatus.Completed, Version = claimed.Version + 1 },
        ExpectedVersion = claimed.Version,
        Order = new Order
        {
            TenantId = claimed.TenantId,
            Id = orderId,
            CheckoutId = claimed.Id,
            PermalinkUrl = new Uri("https://shop.example/orders/" + orderId),
            Currency = "USD",
            Lines = [],
            Totals = [],
            CreatedAt = Now,
        },
    };

    private static CheckoutSession Session(string id, long version, CheckoutStatus status) => new()
    {
        TenantId = "t1",
        Id = id,
        Status = status,
        Currency = "USD",
        CreatedAt = Now,
        UpdatedAt = Now,
        ExpiresAt = Now.AddHours(6),
        Version = version,
    };
}
