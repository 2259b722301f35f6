namespace WixUcp.Webhooks;

/// <summary>
/// Durable webhook deliveries: written with the order change they announce, claimed by the dispatcher of one replica at
/// a time (a lease, so a crashed replica's claims come back), retried until delivered or dead-lettered.
/// </summary>
public interface IWebhookOutbox
{
    /// <summary>Adds deliveries; one whose <see cref="WebhookDelivery.Id"/> is already there is left as it is.</summary>
    /// <param name="deliveries">The new deliveries, pending.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when they are stored.</returns>
    ValueTask EnqueueAsync(IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="max"/> pending deliveries due by <paramref name="now"/> for <paramref name="lease"/>.</summary>
    /// <param name="now">The time now.</param>
    /// <param name="max">The most deliveries to claim.</param>
    /// <param name="lease">How long the claim lasts; after it, another dispatcher may claim them.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>The claimed deliveries.</returns>
    ValueTask<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records the outcome of an attempt: delivered, rescheduled, dead-lettered, or handed back unchanged.</summary>
    /// <param name="delivery">The delivery as it now stands.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored and the claim released.</returns>
    ValueTask UpdateAsync(WebhookDelivery delivery, CancellationToken cancellationToken);

    /// <summary>Dead-lettered deliveries, newest first.</summary>
    /// <param name="max">The most to list.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The deliveries.</returns>
    ValueTask<IReadOnlyList<WebhookDelivery>> ListDeadLettersAsync(int max, CancellationToken cancellationToken);

    /// <summary>Makes a dead-lettered delivery pending again, due now, with its attempts reset; same id, timestamp and body.</summary>
    /// <param name="id">The delivery id.</param>
    /// <param name="now">The time now.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>False when no dead-lettered delivery has that id.</returns>
    ValueTask<bool> ReplayAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);
}
