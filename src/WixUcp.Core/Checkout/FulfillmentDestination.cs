using WixUcp.Commerce;

namespace WixUcp.Checkout;

/// <summary>A shipping destination with its id (the platform's, a saved address's, or one the server assigned).</summary>
public sealed record FulfillmentDestination
{
    /// <summary>The destination id that <c>selected_destination_id</c> refers to.</summary>
    public required string Id { get; init; }

    /// <summary>The address.</summary>
    public required PostalAddress Address { get; init; }
}
