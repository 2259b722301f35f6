using System.Text.Json.Nodes;
using WixUcp.Commerce;

namespace WixUcp.Checkout;

/// <summary>
/// A payment instrument as the checkout keeps it. Credentials are never stored here: they travel only
/// with the complete call (<see cref="PaymentCredential"/>) and are never echoed or logged.
/// </summary>
public sealed record PaymentInstrument
{
    public required string Id { get; init; }
    public required string HandlerId { get; init; }
    public required string Type { get; init; }
    public bool? Selected { get; init; }
    public PostalAddress? BillingAddress { get; init; }

    /// <summary>Display data (brand, last digits...) kept as the platform sent it.</summary>
    public JsonObject? Display { get; init; }
}
