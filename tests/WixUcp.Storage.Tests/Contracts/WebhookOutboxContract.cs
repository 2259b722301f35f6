using System.Text;
using WixUcp.Webhooks;

namespace WixUcp.Storage.Tests.Contracts;

/// <summary>What every <see cref="IWebhookOutbox"/> must do; each implementation runs this same suite.</summary>
public abstract class WebhookOutboxContract
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract ValueTask<IWebhookOutbox> OutboxAsync();

    [Fact]
    public async Task An_enqueued_delivery_is_claimed_once_when_due_with_its_exact_bytes()
    {
        var outbox = await OutboxAsync();
        var delivery = Delivery(due: Now);
        await outbox.EnqueueAsync([delivery, delivery with { Body = Encoding.UTF8.GetBytes("other") }], Ct);   // same id: kept as first written

        var early = await outbox.ClaimDueAsync(Now.AddSeconds(-1), 10, Lease, Ct);
        var claimed = await outbox.ClaimDueAsync(Now, 10, Lease, Ct);
        var again = await outbox.ClaimDueAsync(Now.AddMinutes(1), 10, Lease, Ct);

        Assert.DoesNotContain(early, d => d.Id == delivery.Id);
        var mine = Assert.Single(claimed, d => d.Id == delivery.Id);
        Assert.Equal((Convert.ToBase64String(delivery.Body.Span), delivery.Target, delivery.CreatedAt, delivery.UcpAgent), (Convert.ToBase64String(mine.Body.Span), mine.Target, mine.CreatedAt, mine.UcpAgent));
        Assert.DoesNotContain(again, d => d.Id == delivery.Id);   // leased

        // A claim whose lease ran out (its dispatcher died) is claimed again.
        Assert.Contains(await outbox.ClaimDueAsync(Now + Lease, 10, Lease, Ct), d => d.Id == delivery.Id);
    }

    [Fact]
    public async Task Outcomes_release_the_claim_reschedule_dead_letter_and_replay()
    {
        var outbox = await OutboxAsync();
        var retried = Delivery(due: Now);
        var delivered = Delivery(due: Now);
        var dead = Delivery(due: Now);
        await outbox.EnqueueAsync([retried, delivered, dead], Ct);
        await outbox.ClaimDueAsync(Now, 10, Lease, Ct);

        await outbox.UpdateAsync(retried with { Attempts = 1, NextAttemptAt = Now.AddMinutes(5), LastError = "http_500" }, Ct);
        await outbox.UpdateAsync(delivered with { Attempts = 1, Status = WebhookDeliveryStatus.Delivered }, Ct);
        await outbox.UpdateAsync(dead with { Attempts = 12, Status = WebhookDeliveryStatus.DeadLettered, LastError = "timeout" }, Ct);

        Assert.DoesNotContain(await outbox.ClaimDueAsync(Now.AddMinutes(4), 10, Lease, Ct), d => d.Id == retried.Id);
        var due = await outbox.ClaimDueAsync(Now.AddMinutes(5), 10, Lease, Ct);
        Assert.Equal((1, "http_500"), (Assert.Single(due, d => d.Id == retried.Id).Attempts, due.Single(d => d.Id == retried.Id).LastError));
        Assert.DoesNotContain(due, d => d.Id == delivered.Id || d.Id == dead.Id);

        var letters = await outbox.ListDeadLettersAsync(100, Ct);
        Assert.Equal((12, "timeout"), (Assert.Single(letters, d => d.Id == dead.Id).Attempts, letters.Single(d => d.Id == dead.Id).LastError));
        Assert.False(await outbox.ReplayAsync(retried.Id, Now, Ct));
        Assert.True(await outbox.ReplayAsync(dead.Id, Now.AddHours(1), Ct));

        var replayed = Assert.Single(await outbox.ClaimDueAsync(Now.AddHours(1), 10, Lease, Ct), d => d.Id == dead.Id);
        Assert.Equal((0, WebhookDeliveryStatus.Pending, Convert.ToBase64String(dead.Body.Span)), (replayed.Attempts, replayed.Status, Convert.ToBase64String(replayed.Body.Span)));
        Assert.DoesNotContain(await outbox.ListDeadLettersAsync(100, Ct), d => d.Id == dead.Id);
    }

    [Fact]
    public async Task The_outcome_of_a_claim_that_outlived_its_lease_is_ignored()
    {
        var outbox = await OutboxAsync();
        await outbox.EnqueueAsync([Delivery(due: Now)], Ct);
        var slow = Assert.Single(await outbox.ClaimDueAsync(Now, 10, Lease, Ct));

        // The lease ran out while the first dispatcher was still waiting on a receiver; another replica claims it.
        var second = Assert.Single(await outbox.ClaimDueAsync(Now + Lease, 10, Lease, Ct), d => d.Id == slow.Id);
        Assert.NotNull(second.LeasedUntil);
        Assert.NotEqual(slow.LeasedUntil, second.LeasedUntil);

        // The first dispatcher's late outcome neither frees the second claim's lease nor counts; the second's does.
        await outbox.UpdateAsync(slow with { Attempts = 1, NextAttemptAt = Now + Lease, LastError = "timeout" }, Ct);
        Assert.DoesNotContain(await outbox.ClaimDueAsync(Now + Lease + TimeSpan.FromSeconds(1), 10, Lease, Ct), d => d.Id == slow.Id);
        await outbox.UpdateAsync(slow with { Status = WebhookDeliveryStatus.Delivered }, Ct);
        await outbox.UpdateAsync(second with { Attempts = 1, NextAttemptAt = Now + Lease + Lease, LastError = "http_503" }, Ct);

        var third = Assert.Single(await outbox.ClaimDueAsync(Now + Lease + Lease, 10, Lease, Ct), d => d.Id == slow.Id);
        Assert.Equal((1, "http_503"), (third.Attempts, third.LastError));
    }

    [Fact]
    public async Task Concurrent_claims_never_hand_out_one_delivery_twice()
    {
        var outbox = await OutboxAsync();
        var deliveries = Enumerable.Range(0, 40).Select(_ => Delivery(due: Now)).ToList();
        await outbox.EnqueueAsync(deliveries, Ct);
        var ours = deliveries.Select(d => d.Id).ToHashSet();

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () => await outbox.ClaimDueAsync(Now, 10, Lease, Ct), Ct)));
        var claimed = claims.SelectMany(c => c).Where(d => ours.Contains(d.Id)).Select(d => d.Id).ToList();

        Assert.Equal(claimed.Count, claimed.Distinct().Count());
        Assert.Equal(40, claimed.Count);
    }

    protected static WebhookDelivery Delivery(DateTimeOffset due) => new()
    {
        Id = Guid.NewGuid().ToString(),
        TenantId = "t1",
        OrderId = "ord_" + Guid.NewGuid().ToString("N"),
        OrderVersion = 1,
        Target = new Uri("https://platform.example/webhooks/orders"),
        UcpAgent = "profile=\"https://shop.example/.well-known/ucp\"",
        Body = Encoding.UTF8.GetBytes("""{"id":"ord_1","checkout_id":"chk_1"}"""),
        CreatedAt = Now.AddSeconds(-30),
        NextAttemptAt = due,
    };
}
