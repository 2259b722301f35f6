namespace WixUcp.Sandbox;

/// <summary>A free-shipping promotion triggered by a minimum subtotal or by eligible items.</summary>
internal sealed record SandboxPromotion(string Id, string Type, long? MinSubtotal, IReadOnlyList<string> EligibleItemIds, string Description);
