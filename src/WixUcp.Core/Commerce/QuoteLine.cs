namespace WixUcp.Commerce;

/// <summary>A line to price: the engine's line id, the catalog item (variant) id and a quantity.</summary>
public sealed record QuoteLine
{
    /// <summary>The checkout engine's opaque line id; the quoted line must carry it back.</summary>
    public required string LineId { get; init; }

    /// <summary>The catalog variant id the platform asked for.</summary>
    public required string ItemId { get; init; }

    /// <summary>Units requested; at least 1.</summary>
    public required int Quantity { get; init; }
}
