namespace WixUcp.Orders;

/// <summary>Where placed orders are kept.</summary>
public interface IOrderStore
{
    ValueTask<Order?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Adds a new order; false when the id is taken.</summary>
    ValueTask<bool> TryCreateAsync(Order order, CancellationToken cancellationToken);
}
