namespace WixUcp.Checkout;

/// <summary>The order a completed checkout produced.</summary>
public sealed record OrderConfirmation(string Id, Uri PermalinkUrl, string? Label = null);
