namespace WixUcp.Orders;

/// <summary>Where placed orders are kept, keyed by tenant and id. Orders are created by <see cref="Checkout.ICheckoutCompletionStore"/>.</summary>
public interface IOrderStore
{
    /// <summary>Reads an order.</summary>
    /// <param name="tenantId">The store the order belongs to.</param>
    /// <param name="id">The order id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The order, or null when the tenant has none with that id.</returns>
    ValueTask<Order?> GetAsync(string tenantId, string id, CancellationToken cancellationToken);

    /// <summary>Adds a new order (under its <see cref="Order.TenantId"/>).</summary>
    /// <param name="order">The order.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>False when the id is taken.</returns>
    ValueTask<bool> TryCreateAsync(Order order, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces an order with its next revision if the stored one is still <paramref name="expectedVersion"/>, and
    /// enqueues the webhooks announcing it, together (in one transaction where the store shares one with the outbox).
    /// </summary>
    /// <param name="order">The next revision (its <see cref="Order.Version"/> already advanced).</param>
    /// <param name="expectedVersion">The revision the caller read.</param>
    /// <param name="deliveries">Its webhook deliveries.</param>
    /// <param name="outbox">The outbox they go to.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>False when another change got there first (nothing is written).</returns>
    ValueTask<bool> TryUpdateAsync(Order order, long expectedVersion, IReadOnlyList<Webhooks.WebhookDelivery> deliveries, Webhooks.IWebhookOutbox outbox, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a new order and enqueues the webhooks that announce it. The deliveries are enqueued even when the order
    /// already existed (a retried completion); their ids make that harmless. A store that shares a transaction with the
    /// outbox (PostgreSQL with its own outbox) writes both at once; this default writes the order, then the deliveries.
    /// </summary>
    /// <param name="order">The order.</param>
    /// <param name="deliveries">Its webhook deliveries.</param>
    /// <param name="outbox">The outbox they go to.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>False when the order id was taken.</returns>
    async ValueTask<bool> TryCreateAsync(Order order, IReadOnlyList<Webhooks.WebhookDelivery> deliveries, Webhooks.IWebhookOutbox outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        var created = await TryCreateAsync(order, cancellationToken).ConfigureAwait(false);
        await outbox.EnqueueAsync(deliveries, cancellationToken).ConfigureAwait(false);
        return created;
    }
}
