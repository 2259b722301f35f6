using WixUcp.Orders;
using WixUcp.Webhooks;

namespace WixUcp.Checkout;

/// <summary>
/// The completion commit over stores that share no transaction (for example sessions in Redis, orders in PostgreSQL).
/// The order is written first, idempotently (an order already stored for the same checkout counts as written), and only
/// then does the session's compare-and-set mark the checkout completed. So a completed checkout always has its order;
/// if the second step fails, the checkout stays claimed, and the retry of the completion (the backend returns the same
/// order for the same checkout) writes nothing twice and completes it. The order's webhooks are enqueued with the order
/// (in its transaction where the order store shares one with the outbox), so a completed checkout always has them too;
/// their ids derive from the order, so a retry enqueues nothing twice.
/// </summary>
internal sealed class OrderFirstCheckoutCompletionStore(ICheckoutSessionStore sessions, IOrderStore orders, IWebhookOutbox outbox) : ICheckoutCompletionStore
{
    public async ValueTask<bool> TryCommitAsync(CheckoutCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var order = completion.Order;
        if (!await orders.TryCreateAsync(order, completion.Deliveries, outbox, cancellationToken).ConfigureAwait(false))
        {
            var stored = await orders.GetAsync(order.TenantId, order.Id, cancellationToken).ConfigureAwait(false);
            if (stored?.CheckoutId != order.CheckoutId)
            {
                throw new InvalidOperationException("An order id was placed twice for different checkouts.");
            }
        }

        return await sessions.TryUpdateAsync(completion.Session, completion.ExpectedVersion, cancellationToken).ConfigureAwait(false);
    }
}
