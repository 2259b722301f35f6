namespace WixUcp.Checkout;

/// <summary>A line as the platform sent it: only the item id, quantity and (on update) ids are taken.</summary>
internal sealed record LineInput(string? Id, string ItemId, int Quantity, string? ParentId = null);
