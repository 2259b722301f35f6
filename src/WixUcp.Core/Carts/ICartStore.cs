namespace WixUcp.Carts;

/// <summary>
/// Where carts are kept, keyed by tenant and id, each until its <see cref="Cart.ExpiresAt"/>: in memory by default, in
/// Redis with <c>AddRedis()</c>. Writes are optimistic: a stale version loses.
/// </summary>
public interface ICartStore
{
    /// <summary>Reads a cart.</summary>
    /// <param name="tenantId">The store the cart belongs to.</param>
    /// <param name="id">The cart id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The cart, or null when there is none (or it expired).</returns>
    ValueTask<Cart?> GetAsync(string tenantId, string id, CancellationToken cancellationToken);

    /// <summary>Adds a new cart.</summary>
    /// <param name="cart">The cart, at version 1.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>False when the id is taken.</returns>
    ValueTask<bool> TryCreateAsync(Cart cart, CancellationToken cancellationToken);

    /// <summary>Replaces the cart if its version is still <paramref name="expectedVersion"/>.</summary>
    /// <param name="cart">The next state, its version already the next one.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>True when the cart was replaced.</returns>
    ValueTask<bool> TryUpdateAsync(Cart cart, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Removes a cart (canceled carts are gone: later calls find nothing).</summary>
    /// <param name="tenantId">The store.</param>
    /// <param name="id">The cart id.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>True when it was removed at that version.</returns>
    ValueTask<bool> TryDeleteAsync(string tenantId, string id, long expectedVersion, CancellationToken cancellationToken);
}
