using System.ComponentModel.DataAnnotations;
using WixUcp.Versions.Shared;

namespace WixUcp.Versions.V20260408;

// Request shapes declare only what the platform may send; server-owned members (prices, titles, totals, ids of
// options...) are not declared, so whatever a client puts there is ignored rather than trusted or rejected.
// The request schemas are exported from these models: [RequestPresence] carries UCP's ucp_request annotations per
// operation, data annotations carry UCP's bounds (and a few of the server's own, tighter ones).
#pragma warning disable CA1002, CA2227 // wire DTOs: mutable lists keep source-generated serialization simple
#pragma warning disable IL2026 // data annotations are read for their bounds only, when schemas are exported; their reflective IsValid never runs

internal sealed class CheckoutRequestDto
{
    [RequestPresence(Create = RequestPresence.Required, Update = RequestPresence.Required, Complete = RequestPresence.Omit)]
    public List<LineItemRequestDto>? LineItems { get; set; }

    [RequestPresence(Complete = RequestPresence.Omit)]
    public BuyerDto? Buyer { get; set; }

    [RequestPresence(Complete = RequestPresence.Omit)]
    public ContextDto? Context { get; set; }

    [RequestPresence(Complete = RequestPresence.Omit)]
    public FulfillmentRequestDto? Fulfillment { get; set; }

    [RequestPresence(Complete = RequestPresence.Omit)]
    public DiscountsRequestDto? Discounts { get; set; }

    [RequestPresence(Complete = RequestPresence.Required)]
    public PaymentRequestDto? Payment { get; set; }

    // Read for their shape only: UCP defines them, this server does not act on them.
    [RequestMemberNames(SignalsDto.ReverseDomainName)]
    public SignalsDto? Signals { get; set; }

    public Dictionary<string, string>? Attribution { get; set; }

    /// <summary>A cart to check out (the cart capability): its lines, buyer and context win over the body's.</summary>
    [RequestPresence(Update = RequestPresence.Omit, Complete = RequestPresence.Omit)]
    public string? CartId { get; set; }
}

internal sealed class FulfillmentRequestDto
{
    public List<FulfillmentMethodRequestDto>? Methods { get; set; }
}

internal sealed class FulfillmentMethodRequestDto
{
    [RequestPresence(Create = RequestPresence.Omit)]
    public string? Id { get; set; }

    [RequestPresence(Create = RequestPresence.Required)]
    [AllowedValues("shipping", "pickup")]
    public string? Type { get; set; }

    [RequestPresence(Update = RequestPresence.Required)]
    public List<string>? LineItemIds { get; set; }

    public List<PostalAddressDto>? Destinations { get; set; }

    [RequestPresence(Nullable = true)]
    public string? SelectedDestinationId { get; set; }

    public List<FulfillmentGroupRequestDto>? Groups { get; set; }
}
