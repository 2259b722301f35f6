using System.Collections.Concurrent;
using WixUcp.Storage;

namespace WixUcp.Orders;

/// <summary>Orders in process memory, held as stored-record bytes: for the embedded default and tests; lost on restart.</summary>
internal sealed class InMemoryOrderStore : IOrderStore
{
    private readonly ConcurrentDictionary<(string Tenant, string Id), byte[]> _orders = new();

    public ValueTask<Order?> GetAsync(string tenantId, string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_orders.TryGetValue((tenantId, id), out var bytes) ? UcpRecordSerializer.DeserializeOrder(bytes) : null);

    public ValueTask<bool> TryCreateAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        return ValueTask.FromResult(_orders.TryAdd((order.TenantId, order.Id), UcpRecordSerializer.Serialize(order)));
    }
}
