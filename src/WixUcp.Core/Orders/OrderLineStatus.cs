namespace WixUcp.Orders;

/// <summary>Where an order line stands in fulfillment; see <see cref="OrderLine.Status"/>.</summary>
public enum OrderLineStatus
{
    /// <summary>No unit fulfilled yet.</summary>
    Processing,

    /// <summary>Some, but not all, units fulfilled.</summary>
    Partial,

    /// <summary>Every ordered unit fulfilled.</summary>
    Fulfilled,

    /// <summary>The line was removed from the order (quantity 0).</summary>
    Removed,
}
