using WixUcp.Commerce;

namespace WixUcp.Checkout;

/// <summary>A priced line of a checkout. Title and price always come from the backend, never from the platform.</summary>
public sealed record CheckoutLine
{
    public required string Id { get; init; }
    public required string ItemId { get; init; }
    public required string Title { get; init; }

    /// <summary>Unit price in minor units.</summary>
    public required long UnitPrice { get; init; }
    public string? ImageUrl { get; init; }
    public required int Quantity { get; init; }
    public string? ParentId { get; init; }
    public bool RequiresShipping { get; init; } = true;
    public IReadOnlyList<Total> Totals { get; init; } = [];
}
