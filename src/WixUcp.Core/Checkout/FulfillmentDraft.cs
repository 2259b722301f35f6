namespace WixUcp.Checkout;

/// <summary>The one shipping method of a draft: what the platform chose, before the backend offers options.</summary>
internal sealed record FulfillmentDraft
{
    public const string DefaultMethodId = "fm_1";

    public required string Id { get; init; }
    public IReadOnlyList<string>? LineItemIds { get; init; }
    public IReadOnlyList<FulfillmentDestination> Destinations { get; init; } = [];
    public string? SelectedDestinationId { get; init; }
    public string? SelectedOptionId { get; init; }
    public bool PickupRequested { get; init; }

    public static FulfillmentDraft From(FulfillmentMethod method) => new()
    {
        Id = method.Id,
        LineItemIds = method.LineItemIds,
        Destinations = method.Destinations,
        SelectedDestinationId = method.SelectedDestinationId,
        SelectedOptionId = method.Groups.Count > 0 ? method.Groups[0].SelectedOptionId : null,
    };
}
