namespace WixUcp.Commerce;

/// <summary>A priced line. <see cref="Found"/> is false when the item id is unknown to the store.</summary>
public sealed record QuotedLine
{
    public required string LineId { get; init; }
    public required string ItemId { get; init; }
    public required bool Found { get; init; }
    public string Title { get; init; } = "";
    public long UnitPrice { get; init; }
    public string? ImageUrl { get; init; }
    public required int Quantity { get; init; }

    /// <summary>Units that can be sold now; null when stock is not tracked.</summary>
    public long? AvailableQuantity { get; init; }
    public bool RequiresShipping { get; init; } = true;

    /// <summary>Line totals (at least subtotal and total).</summary>
    public IReadOnlyList<Total> Totals { get; init; } = [];
}
