namespace WixUcp.Orders;

/// <summary>A quantity of one order line, used by expectations and events.</summary>
/// <param name="LineId">The <see cref="OrderLine.Id"/> of the line.</param>
/// <param name="Quantity">How many of the line's units this entry covers.</param>
public sealed record OrderLineQuantity(string LineId, int Quantity);
