namespace WixUcp.Checkout;

/// <summary>The order a completed checkout produced.</summary>
public sealed record OrderConfirmation
{
    /// <summary>The order id (for Get Order).</summary>
    public required string Id { get; init; }

    /// <summary>Where the buyer can see the order.</summary>
    public required Uri PermalinkUrl { get; init; }

    /// <summary>The buyer-facing order number, when the store has one.</summary>
    public string? Label { get; init; }
}
