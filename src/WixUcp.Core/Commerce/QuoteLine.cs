namespace WixUcp.Commerce;

/// <summary>A line to price: the engine's line id, the catalog item (variant) id and a quantity.</summary>
public sealed record QuoteLine(string LineId, string ItemId, int Quantity);
