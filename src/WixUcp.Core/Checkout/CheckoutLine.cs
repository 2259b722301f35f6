using WixUcp.Commerce;

namespace WixUcp.Checkout;

/// <summary>A priced line of a checkout. Title and price always come from the backend, never from the platform.</summary>
public sealed record CheckoutLine
{
    /// <summary>Opaque line id, stable across updates of the checkout.</summary>
    public required string Id { get; init; }

    /// <summary>The catalog variant id being bought.</summary>
    public required string ItemId { get; init; }

    /// <summary>Buyer-facing item name from the catalog.</summary>
    public required string Title { get; init; }

    /// <summary>Unit price in minor units.</summary>
    public required long UnitPrice { get; init; }

    /// <summary>URL of the item's picture; null when there is none.</summary>
    public string? ImageUrl { get; init; }

    /// <summary>Units being bought.</summary>
    public required int Quantity { get; init; }

    /// <summary>Id of the line this one is nested under (for example an add-on); null for a top-level line.</summary>
    public string? ParentId { get; init; }

    /// <summary>Whether the item must be shipped; false for digital goods and services.</summary>
    public bool RequiresShipping { get; init; } = true;

    /// <summary>Line totals in minor units (at least subtotal and total).</summary>
    public IReadOnlyList<Total> Totals { get; init; } = [];
}
