namespace WixUcp.Checkout;

/// <summary>A way to deliver a group, priced by the backend.</summary>
public sealed record FulfillmentOption
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public string? Carrier { get; init; }

    /// <summary>Price in minor units after promotions.</summary>
    public required long Amount { get; init; }
}
