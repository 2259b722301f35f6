using System.Collections.Concurrent;
using WixUcp.Webhooks;

namespace WixUcp.Orders;

/// <summary>Orders in process memory, kept as the immutable records they are: for the embedded default and tests; lost on restart.</summary>
internal sealed class InMemoryOrderStore : IOrderStore
{
    private readonly ConcurrentDictionary<(string Tenant, string Id), Order> _orders = new();

    public ValueTask<Order?> GetAsync(string tenantId, string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_orders.TryGetValue((tenantId, id), out var order) ? order : null);

    public ValueTask<bool> TryCreateAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        return ValueTask.FromResult(_orders.TryAdd((order.TenantId, order.Id), order));
    }

    public async ValueTask<bool> TryUpdateAsync(Order order, long expectedVersion, IReadOnlyList<WebhookDelivery> deliveries, IWebhookOutbox outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(outbox);
        var key = (order.TenantId, order.Id);
        if (!_orders.TryGetValue(key, out var stored) || stored.Version != expectedVersion || !_orders.TryUpdate(key, order, stored))
        {
            return false;
        }

        await outbox.EnqueueAsync(deliveries, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
