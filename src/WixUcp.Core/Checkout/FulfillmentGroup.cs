namespace WixUcp.Checkout;

/// <summary>A package: line items shipped together and the options for them.</summary>
public sealed record FulfillmentGroup
{
    /// <summary>Opaque id of the group, assigned by the server.</summary>
    public required string Id { get; init; }

    /// <summary>Ids of the checkout lines in this package.</summary>
    public IReadOnlyList<string> LineItemIds { get; init; } = [];

    /// <summary>Ways to deliver this package, priced for the selected destination.</summary>
    public IReadOnlyList<FulfillmentOption> Options { get; init; } = [];

    /// <summary>The <see cref="FulfillmentOption.Id"/> the buyer chose; null while none is chosen.</summary>
    public string? SelectedOptionId { get; init; }
}
