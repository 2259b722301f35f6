namespace WixUcp.Checkout;

/// <summary>A way to deliver a group, priced by the backend.</summary>
public sealed record FulfillmentOption
{
    /// <summary>Opaque id of the option; the platform selects it by this id.</summary>
    public required string Id { get; init; }

    /// <summary>Buyer-facing name, for example <c>Standard shipping</c>.</summary>
    public required string Title { get; init; }

    /// <summary>Buyer-facing details, for example an estimated delivery time.</summary>
    public string? Description { get; init; }

    /// <summary>Name of the carrier, for example <c>UPS</c>; null when not known.</summary>
    public string? Carrier { get; init; }

    /// <summary>Price in minor units after promotions.</summary>
    public required long Amount { get; init; }
}
