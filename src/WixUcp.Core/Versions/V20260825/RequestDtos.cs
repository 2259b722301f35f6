using System.ComponentModel.DataAnnotations;

namespace WixUcp.Versions.V20260825;

// Request shapes declare only what the platform may send; server-owned members (prices, titles, totals, ids of
// options...) are not declared, so whatever a client puts there is ignored rather than trusted or rejected.
// The request schemas are exported from these models: [RequestPresence] carries UCP's ucp_request annotations per
// operation, data annotations carry UCP's bounds (and a few of the server's own, tighter ones).
#pragma warning disable CA1002, CA2227 // wire DTOs: mutable lists keep source-generated serialization simple
#pragma warning disable IL2026 // data annotations are read for their bounds only, when schemas are exported; their reflective IsValid never runs

internal sealed class BuyerRequestDto
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? PhoneNumber { get; set; }

    /// <summary>Reverse-DNS purpose → the platform's decision; purposes this business does not advertise are ignored.</summary>
    public Dictionary<string, ConsentDecisionRequestDto>? Consent { get; set; }
}

internal sealed class ConsentDecisionRequestDto
{
    [RequestPresence(RequestPresence.Required)]
    public bool? Granted { get; set; }

    [RequestPresence(RequestPresence.Required)]
    [AllowedValues("business", "platform")]
    public string? Source { get; set; }
}

/// <summary>A shipping destination as a platform sends it: <c>type</c> and <c>id</c> may be left out.</summary>
internal sealed class ShippingDestinationRequestDto
{
    [AllowedValues("shipping_address")]
    public string? Type { get; set; }
    public string? Id { get; set; }
    public string? StreetAddress { get; set; }
    public string? ExtendedAddress { get; set; }
    public string? AddressLocality { get; set; }
    public string? AddressRegion { get; set; }
    public string? PostalCode { get; set; }
    public string? AddressCountry { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? PhoneNumber { get; set; }
}
