using WixUcp.Commerce;

namespace WixUcp.Orders;

/// <summary>A line of a placed order. Lines are never dropped: a removed line keeps its entry with quantity 0.</summary>
public sealed record OrderLine
{
    public required string Id { get; init; }
    public required string ItemId { get; init; }
    public required string Title { get; init; }
    public required long UnitPrice { get; init; }
    public string? ImageUrl { get; init; }
    public required int OriginalQuantity { get; init; }
    public required int Quantity { get; init; }
    public int FulfilledQuantity { get; init; }
    public string? ParentId { get; init; }
    public IReadOnlyList<Total> Totals { get; init; } = [];

    /// <summary>Derived as UCP prescribes: removed, fulfilled, partial, else processing.</summary>
    public OrderLineStatus Status => Quantity == 0 ? OrderLineStatus.Removed
        : FulfilledQuantity >= Quantity ? OrderLineStatus.Fulfilled
        : FulfilledQuantity > 0 ? OrderLineStatus.Partial
        : OrderLineStatus.Processing;
}
