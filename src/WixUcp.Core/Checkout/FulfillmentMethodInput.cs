namespace WixUcp.Checkout;

/// <summary>A fulfillment method as the platform sent it. Null members keep what the checkout already has.</summary>
internal sealed record FulfillmentMethodInput
{
    public string? Id { get; init; }
    public FulfillmentType? Type { get; init; }
    public IReadOnlyList<string>? LineItemIds { get; init; }
    public IReadOnlyList<DestinationInput>? Destinations { get; init; }
    public string? SelectedDestinationId { get; init; }
    public IReadOnlyList<GroupInput>? Groups { get; init; }
}
