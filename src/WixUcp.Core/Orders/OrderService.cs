using Microsoft.Extensions.Options;
using WixUcp.Tenancy;
using WixUcp.Webhooks;

namespace WixUcp.Orders;

/// <summary>
/// Reads placed orders on behalf of the platform that placed them, and changes them through the one path that records
/// the next revision and enqueues the webhooks announcing it, together.
/// </summary>
internal sealed class OrderService(
    IOrderStore orders,
    IWebhookOutbox? outbox = null,
    OrderWebhooks? webhooks = null,
    TimeProvider? time = null,
    IOptions<WixUcpOptions>? options = null,
    WebhookWakeup? wakeup = null)
{
    private const int MaxChangeAttempts = 5;

    /// <summary>The order, or null when it does not exist or belongs to another platform (indistinguishable on purpose).</summary>
    public async ValueTask<Order?> GetAsync(UcpTenant tenant, string id, Uri platformProfile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(platformProfile);
        var order = await orders.GetAsync(tenant.Id, id, cancellationToken).ConfigureAwait(false);
        return order is not null && (order.PlatformProfile is null || order.PlatformProfile == platformProfile.AbsoluteUri) ? order : null;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the latest revision and stores the result as the next one, with its webhooks;
    /// a concurrent change makes it read and apply again. A change that answers the order it was given records nothing
    /// (no new revision, no webhook). Null when the order does not exist.
    /// </summary>
    public async ValueTask<Order?> ChangeAsync(UcpTenant tenant, string id, Uri businessBaseUrl, Func<Order, DateTimeOffset, Order> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(change);
        if (outbox is null || webhooks is null)
        {
            throw new InvalidOperationException("Order changes need the webhook outbox: compose the service with AddWixUcp().");
        }

        for (var attempt = 0; attempt < MaxChangeAttempts; attempt++)
        {
            var current = await orders.GetAsync(tenant.Id, id, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return null;
            }

            var changed = change(current, (time ?? TimeProvider.System).GetUtcNow());
            if (ReferenceEquals(changed, current))
            {
                return current;   // nothing to record: a retried or repeated event sends no second webhook
            }

            var next = changed with { Version = current.Version + 1 };
            var baseUrl = options?.Value.PublicBaseUrl ?? businessBaseUrl;
            var deliveries = await webhooks.ForAsync(next, baseUrl, cancellationToken).ConfigureAwait(false);
            if (await orders.TryUpdateAsync(next, current.Version, deliveries, outbox, cancellationToken).ConfigureAwait(false))
            {
                if (deliveries.Count > 0)
                {
                    wakeup?.Notify();
                }

                return next;
            }
        }

        throw new Storage.StoreUnavailableException("The order kept changing under concurrent updates.") { Store = "orders" };
    }
}
