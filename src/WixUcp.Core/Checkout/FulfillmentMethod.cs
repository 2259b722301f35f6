namespace WixUcp.Checkout;

/// <summary>One fulfillment method of a checkout (shipping or pickup) with its destinations and groups.</summary>
public sealed record FulfillmentMethod
{
    /// <summary>Opaque id of the method, assigned by the server.</summary>
    public required string Id { get; init; }

    /// <summary>How the lines reach the buyer.</summary>
    public FulfillmentType Type { get; init; } = FulfillmentType.Shipping;

    /// <summary>Ids of the checkout lines fulfilled by this method.</summary>
    public IReadOnlyList<string> LineItemIds { get; init; } = [];

    /// <summary>Candidate destinations: addresses the platform supplied or the store knows for the buyer.</summary>
    public IReadOnlyList<FulfillmentDestination> Destinations { get; init; } = [];

    /// <summary>The <see cref="FulfillmentDestination.Id"/> in use; null while none is selected.</summary>
    public string? SelectedDestinationId { get; init; }

    /// <summary>The packages the lines are split into, each with its delivery options.</summary>
    public IReadOnlyList<FulfillmentGroup> Groups { get; init; } = [];

    /// <summary>The destination named by <see cref="SelectedDestinationId"/>; null when none is selected or it is not in <see cref="Destinations"/>.</summary>
    public FulfillmentDestination? SelectedDestination =>
        SelectedDestinationId is null ? null : Destinations.FirstOrDefault(d => d.Id == SelectedDestinationId);
}
