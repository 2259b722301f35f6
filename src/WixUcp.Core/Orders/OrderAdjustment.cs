using WixUcp.Commerce;

namespace WixUcp.Orders;

/// <summary>A change after the order: a refund, return, credit, price adjustment, dispute or cancellation.</summary>
public sealed record OrderAdjustment
{
    /// <summary>The adjustment's id within the order.</summary>
    public required string Id { get; init; }

    /// <summary>What kind of change (<c>refund</c>, <c>return</c>, <c>cancellation</c>, ...; the set is open).</summary>
    public required string Type { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Where it stands.</summary>
    public required AdjustmentStatus Status { get; init; }

    /// <summary>The lines it concerns, with signed quantities (a return is negative).</summary>
    public IReadOnlyList<OrderLineQuantity> Lines { get; init; } = [];

    /// <summary>Its amounts in minor units, signed (a refund is negative).</summary>
    public IReadOnlyList<Total> Totals { get; init; } = [];
}
