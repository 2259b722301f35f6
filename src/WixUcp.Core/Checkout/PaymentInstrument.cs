using System.Text.Json.Nodes;
using WixUcp.Commerce;

namespace WixUcp.Checkout;

/// <summary>
/// A payment instrument as the checkout keeps it. Credentials are never stored here: they travel only
/// with the complete call (<see cref="PaymentCredential"/>) and are never echoed or logged.
/// </summary>
public sealed record PaymentInstrument
{
    /// <summary>Opaque id of the instrument, as the platform sent it.</summary>
    public required string Id { get; init; }

    /// <summary>Id of the payment handler instance that processes the instrument (one the store advertises).</summary>
    public required string HandlerId { get; init; }

    /// <summary>The instrument kind, for example <c>card</c>; the handler must accept it.</summary>
    public required string Type { get; init; }

    /// <summary>Whether the platform marked this instrument as the one to pay with; when none is marked, the first is used.</summary>
    public bool? Selected { get; init; }

    /// <summary>The billing address of the instrument; null when not given.</summary>
    public PostalAddress? BillingAddress { get; init; }

    /// <summary>Display data (brand, last digits...) kept as the platform sent it.</summary>
    public JsonObject? Display { get; init; }
}
