using System.Collections.Concurrent;

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
}
