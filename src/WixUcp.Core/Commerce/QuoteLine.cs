namespace WixUcp.Commerce;

/// <summary>A line to price: the engine's line id, the catalog item (variant) id and a quantity.</summary>
/// <param name="LineId">The checkout engine's opaque line id; the quoted line must carry it back.</param>
/// <param name="ItemId">The catalog variant id the platform asked for.</param>
/// <param name="Quantity">Units requested; at least 1.</param>
public sealed record QuoteLine(string LineId, string ItemId, int Quantity);
