namespace WixUcp.Checkout;

/// <summary>A package: line items shipped together and the options for them.</summary>
public sealed record FulfillmentGroup
{
    public required string Id { get; init; }
    public IReadOnlyList<string> LineItemIds { get; init; } = [];
    public IReadOnlyList<FulfillmentOption> Options { get; init; } = [];
    public string? SelectedOptionId { get; init; }
}
