using WixUcp.Tenancy;

namespace WixUcp.Orders;

/// <summary>Reads placed orders on behalf of the platform that placed them.</summary>
internal sealed class OrderService(IOrderStore orders)
{
    /// <summary>The order, or null when it does not exist or belongs to another platform (indistinguishable on purpose).</summary>
    public async ValueTask<Order?> GetAsync(UcpTenant tenant, string id, Uri platformProfile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(platformProfile);
        var order = await orders.GetAsync(tenant.Id, id, cancellationToken).ConfigureAwait(false);
        return order is not null && (order.PlatformProfile is null || order.PlatformProfile == platformProfile.AbsoluteUri) ? order : null;
    }
}
