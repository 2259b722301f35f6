namespace WixUcp.Checkout;

/// <summary>One fulfillment method of a checkout (shipping or pickup) with its destinations and groups.</summary>
public sealed record FulfillmentMethod
{
    public required string Id { get; init; }
    public FulfillmentType Type { get; init; } = FulfillmentType.Shipping;
    public IReadOnlyList<string> LineItemIds { get; init; } = [];
    public IReadOnlyList<FulfillmentDestination> Destinations { get; init; } = [];
    public string? SelectedDestinationId { get; init; }
    public IReadOnlyList<FulfillmentGroup> Groups { get; init; } = [];

    public FulfillmentDestination? SelectedDestination =>
        SelectedDestinationId is null ? null : Destinations.FirstOrDefault(d => d.Id == SelectedDestinationId);
}
