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
}
