using WixUcp.Commerce;

namespace WixUcp.Orders;

/// <summary>A line of a placed order. Lines are never dropped: a removed line keeps its entry with quantity 0.</summary>
public sealed record OrderLine
{
    /// <summary>Opaque line id; the same as the checkout line it came from.</summary>
    public required string Id { get; init; }

    /// <summary>The catalog variant id that was bought.</summary>
    public required string ItemId { get; init; }

    /// <summary>Buyer-facing item name at the time of purchase.</summary>
    public required string Title { get; init; }

    /// <summary>Unit price in minor units at the time of purchase.</summary>
    public required long UnitPrice { get; init; }

    /// <summary>URL of the item's picture; null when there is none.</summary>
    public string? ImageUrl { get; init; }

    /// <summary>Units ordered when the order was placed.</summary>
    public required int OriginalQuantity { get; init; }

    /// <summary>Units still ordered after any removals or cancellations; 0 for a removed line.</summary>
    public required int Quantity { get; init; }

    /// <summary>Units already fulfilled (shipped, picked up or delivered).</summary>
    public int FulfilledQuantity { get; init; }

    /// <summary>Id of the line this one is nested under (for example an add-on or bundle component); null for a top-level line.</summary>
    public string? ParentId { get; init; }

    /// <summary>Line totals in minor units (at least subtotal and total).</summary>
    public IReadOnlyList<Total> Totals { get; init; } = [];

    /// <summary>Derived as UCP prescribes: removed, fulfilled, partial, else processing.</summary>
    public OrderLineStatus Status => Quantity == 0 ? OrderLineStatus.Removed
        : FulfilledQuantity >= Quantity ? OrderLineStatus.Fulfilled
        : FulfilledQuantity > 0 ? OrderLineStatus.Partial
        : OrderLineStatus.Processing;
}
