using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WixUcp.Storage;

namespace WixUcp.Carts;

/// <summary>
/// Carts in process memory (the embedded default): an expired cart reads as absent; at most
/// <see cref="MemoryStoreOptions.MaxCarts"/> are kept, expired ones dropped first, and past that a new cart is refused as
/// the store being unavailable (503) instead of growing the process.
/// </summary>
internal sealed class InMemoryCartStore(TimeProvider time, IOptions<WixUcpOptions>? options = null) : ICartStore
{
    private readonly int _max = options?.Value.Memory.MaxCarts ?? new MemoryStoreOptions().MaxCarts;
    private readonly ConcurrentDictionary<(string Tenant, string Id), Cart> _carts = new();

    public ValueTask<Cart?> GetAsync(string tenantId, string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_carts.TryGetValue((tenantId, id), out var cart) && cart.ExpiresAt > time.GetUtcNow() ? cart : null);

    public ValueTask<bool> TryCreateAsync(Cart cart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (_carts.Count >= _max)
        {
            var now = time.GetUtcNow();
            foreach (var expired in _carts.Where(c => c.Value.ExpiresAt <= now).Select(c => c.Key).ToList())
            {
                _carts.TryRemove(expired, out _);
            }

            if (_carts.Count >= _max)
            {
                throw new StoreUnavailableException($"The in-memory cart store holds its maximum of {_max} carts (WixUcp:Memory:MaxCarts).") { Store = "memory" };
            }
        }

        return ValueTask.FromResult(_carts.TryAdd((cart.TenantId, cart.Id), cart));
    }

    public ValueTask<bool> TryUpdateAsync(Cart cart, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var key = (cart.TenantId, cart.Id);
        return ValueTask.FromResult(_carts.TryGetValue(key, out var current) && current.Version == expectedVersion && _carts.TryUpdate(key, cart, current));
    }

    public ValueTask<bool> TryDeleteAsync(string tenantId, string id, long expectedVersion, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_carts.TryGetValue((tenantId, id), out var current) && current.Version == expectedVersion
            && _carts.TryRemove(new KeyValuePair<(string, string), Cart>((tenantId, id), current)));
}
