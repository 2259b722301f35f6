namespace WixUcp.Commerce;

/// <summary>A priced line. <see cref="Found"/> is false when the item id is unknown to the store.</summary>
public sealed record QuotedLine
{
    /// <summary>The <see cref="QuoteLine.LineId"/> this line prices.</summary>
    public required string LineId { get; init; }

    /// <summary>The catalog variant id, as requested.</summary>
    public required string ItemId { get; init; }

    /// <summary>Whether the store sells this item; when false the other details are meaningless.</summary>
    public required bool Found { get; init; }

    /// <summary>Buyer-facing item name from the catalog.</summary>
    public string Title { get; init; } = "";

    /// <summary>Unit price in minor units.</summary>
    public long UnitPrice { get; init; }

    /// <summary>URL of the item's picture; null when there is none.</summary>
    public string? ImageUrl { get; init; }

    /// <summary>Units priced, normally the requested quantity.</summary>
    public required int Quantity { get; init; }

    /// <summary>Units that can be sold now; null when stock is not tracked.</summary>
    public long? AvailableQuantity { get; init; }

    /// <summary>Whether the item must be shipped; false for digital goods and services.</summary>
    public bool RequiresShipping { get; init; } = true;

    /// <summary>Line totals (at least subtotal and total).</summary>
    public IReadOnlyList<Total> Totals { get; init; } = [];
}
