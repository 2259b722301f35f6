using System.Collections.Concurrent;

namespace WixUcp.Orders;

/// <summary>Orders in process memory: for the embedded default and tests; lost on restart.</summary>
internal sealed class InMemoryOrderStore : IOrderStore
{
    private readonly ConcurrentDictionary<string, Order> _orders = new(StringComparer.Ordinal);

    public ValueTask<Order?> GetAsync(string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_orders.TryGetValue(id, out var order) ? order : null);

    public ValueTask<bool> TryCreateAsync(Order order, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_orders.TryAdd(order.Id, order));
}
