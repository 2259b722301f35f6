namespace WixUcp.Checkout;

/// <summary>The platform's choice of option for a fulfillment group.</summary>
internal sealed record GroupInput(string? Id, string? SelectedOptionId);
