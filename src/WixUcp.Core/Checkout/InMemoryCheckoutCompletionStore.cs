using WixUcp.Orders;
using WixUcp.Webhooks;

namespace WixUcp.Checkout;

/// <summary>
/// The completion commit over in-process stores: one lock orders commits, the session's compare-and-set decides, and
/// the order is added only when it succeeded. In-memory writes cannot fail halfway, so this is atomic for them; durable
/// stores provide their own implementation (a transaction or a script).
/// </summary>
internal sealed class InMemoryCheckoutCompletionStore(ICheckoutSessionStore sessions, IOrderStore orders, IWebhookOutbox outbox) : ICheckoutCompletionStore, IDisposable
{
    private readonly SemaphoreSlim _commit = new(1, 1);

    public void Dispose() => _commit.Dispose();

    public async ValueTask<bool> TryCommitAsync(CheckoutCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        await _commit.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stored = await orders.GetAsync(completion.Order.TenantId, completion.Order.Id, cancellationToken).ConfigureAwait(false);
            if (stored is not null && stored.CheckoutId != completion.Order.CheckoutId)
            {
                throw new InvalidOperationException("An order id was placed twice for different checkouts.");
            }

            if (!await sessions.TryUpdateAsync(completion.Session, completion.ExpectedVersion, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            if (stored is null)
            {
                await orders.TryCreateAsync(completion.Order, cancellationToken).ConfigureAwait(false);
            }

            await outbox.EnqueueAsync(completion.Deliveries, cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _commit.Release();
        }
    }
}
