namespace WixUcp.Orders;

/// <summary>A quantity of one order line, used by expectations and events.</summary>
public sealed record OrderLineQuantity(string LineId, int Quantity);
