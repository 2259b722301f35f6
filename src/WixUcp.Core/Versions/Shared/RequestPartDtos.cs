using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace WixUcp.Versions.Shared;

// Request shapes declare only what the platform may send; server-owned members (prices, titles, totals, ids of
// options...) are not declared, so whatever a client puts there is ignored rather than trusted or rejected.
// The request schemas are exported from these models: [RequestPresence] carries UCP's ucp_request annotations per
// operation, data annotations carry UCP's bounds (and a few of the server's own, tighter ones).
#pragma warning disable CA1002, CA2227 // wire DTOs: mutable lists keep source-generated serialization simple
#pragma warning disable IL2026 // data annotations are read for their bounds only, when schemas are exported; their reflective IsValid never runs

/// <summary>
/// A checkout create, update or complete; the buyer and the shipping destination are each version's own shapes.
/// </summary>
/// <typeparam name="TBuyer">The version's buyer as platforms send it.</typeparam>
/// <typeparam name="TDestination">The version's shipping destination as platforms send it.</typeparam>
internal sealed class CheckoutRequestDto<TBuyer, TDestination>
    where TBuyer : class
    where TDestination : class
{
    [RequestPresence(Create = RequestPresence.Required, Update = RequestPresence.Required, Complete = RequestPresence.Omit)]
    public List<LineItemRequestDto>? LineItems { get; set; }

    [RequestPresence(Complete = RequestPresence.Omit)]
    public TBuyer? Buyer { get; set; }

    [RequestPresence(Complete = RequestPresence.Omit)]
    public ContextDto? Context { get; set; }

    [RequestPresence(Complete = RequestPresence.Omit)]
    public FulfillmentRequestDto<TDestination>? Fulfillment { get; set; }

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

internal sealed class FulfillmentRequestDto<TDestination>
    where TDestination : class
{
    public List<FulfillmentMethodRequestDto<TDestination>>? Methods { get; set; }
}

internal sealed class FulfillmentMethodRequestDto<TDestination>
    where TDestination : class
{
    [RequestPresence(Create = RequestPresence.Omit)]
    public string? Id { get; set; }

    [RequestPresence(Create = RequestPresence.Required)]
    [AllowedValues("shipping", "pickup")]
    public string? Type { get; set; }

    [RequestPresence(Update = RequestPresence.Required)]
    public List<string>? LineItemIds { get; set; }

    public List<TDestination>? Destinations { get; set; }

    [RequestPresence(Nullable = true)]
    public string? SelectedDestinationId { get; set; }

    public List<FulfillmentGroupRequestDto>? Groups { get; set; }
}

internal sealed class LineItemRequestDto
{
    [RequestPresence(Create = RequestPresence.Omit)]
    public string? Id { get; set; }

    [RequestPresence(RequestPresence.Required)]
    public ItemRequestDto? Item { get; set; }

    // UCP sets no maximum, so none is declared: a quantity past the store's limit is clamped by the engine with a warning.
    [RequestPresence(RequestPresence.Required)]
    [Range(1, double.PositiveInfinity)]
    public long? Quantity { get; set; }

    [RequestPresence(Create = RequestPresence.Omit)]
    public string? ParentId { get; set; }
}

internal sealed class ItemRequestDto
{
    [RequestPresence(RequestPresence.Required)]
    [MinLength(1)]
    public string? Id { get; set; }
}

internal sealed class FulfillmentGroupRequestDto
{
    [RequestPresence(Create = RequestPresence.Omit, Update = RequestPresence.Required)]
    public string? Id { get; set; }

    [RequestPresence(Nullable = true)]
    public string? SelectedOptionId { get; set; }
}

internal sealed class DiscountsRequestDto
{
    public List<string>? Codes { get; set; }
}

internal sealed class PaymentRequestDto
{
    // UCP leaves instruments optional; completing without one is meaningless, so this server requires it there.
    [RequestPresence(Complete = RequestPresence.Required)]
    public List<InstrumentRequestDto>? Instruments { get; set; }
}

internal sealed class InstrumentRequestDto
{
    [RequestPresence(RequestPresence.Required)]
    public string? Id { get; set; }

    [RequestPresence(RequestPresence.Required)]
    public string? HandlerId { get; set; }

    [RequestPresence(RequestPresence.Required)]
    public string? Type { get; set; }

    public bool? Selected { get; set; }

    public PostalAddressDto? BillingAddress { get; set; }

    public CredentialRequestDto? Credential { get; set; }

    public JsonObject? Display { get; set; }
}

internal sealed class CredentialRequestDto
{
    [RequestPresence(RequestPresence.Required)]
    public string? Type { get; set; }

    public string? Token { get; set; }
}

internal sealed class SignalsDto
{
    // UCP's reverse_domain_name.json: the keys of signals and other extension points.
    public const string ReverseDomainName = "^[a-z][a-z0-9]*(?:\\.[a-z][a-z0-9_]*)+$";

    [JsonPropertyName("dev.ucp.buyer_ip")]
    public string? BuyerIp { get; set; }

    [JsonPropertyName("dev.ucp.user_agent")]
    public string? UserAgent { get; set; }
}

internal sealed class SearchRequestDto
{
    public string? Query { get; set; }
    public SearchFiltersDto? Filters { get; set; }
    public PaginationRequestDto? Pagination { get; set; }
    public ContextDto? Context { get; set; }

    // Read for their shape only: UCP defines them, this server does not act on them.
    [RequestMemberNames(SignalsDto.ReverseDomainName)]
    public SignalsDto? Signals { get; set; }

    public Dictionary<string, string>? Attribution { get; set; }
}

internal sealed class SearchFiltersDto
{
    public List<string>? Categories { get; set; }
    public PriceFilterDto? Price { get; set; }
}

internal sealed class PriceFilterDto
{
    // Amounts in minor units, up to what a JSON number carries exactly everywhere (UCP sets only the minimum).
    [Range(0d, 9e15)]
    public long? Min { get; set; }

    [Range(0d, 9e15)]
    public long? Max { get; set; }
}

internal sealed class PaginationRequestDto
{
    public string? Cursor { get; set; }

    [Range(1, int.MaxValue)]
    public int? Limit { get; set; }
}

internal sealed class LookupRequestDto
{
    [RequestPresence(RequestPresence.Required)]
    [MinLength(1)]
    public List<string>? Ids { get; set; }
}

internal sealed class GetProductRequestDto
{
    [RequestPresence(RequestPresence.Required)]
    public string? Id { get; set; }

    public List<SelectedOptionDto>? Selected { get; set; }
    public List<string>? Preferences { get; set; }
}

// PUT /ucp/orders/{id} (sandbox simulation): the order snapshot's fulfillment events and adjustments replace the stored ones.

internal sealed class OrderUpdateRequestDto
{
    public OrderFulfillmentRequestDto? Fulfillment { get; set; }

    public List<AdjustmentRequestDto>? Adjustments { get; set; }
}

internal sealed class OrderFulfillmentRequestDto
{
    public List<FulfillmentEventRequestDto>? Events { get; set; }
}

internal sealed class FulfillmentEventRequestDto
{
    [RequestPresence(RequestPresence.Required)]
    [MinLength(1)]
    public string? Id { get; set; }

    [RequestPresence(RequestPresence.Required)]
    public string? OccurredAt { get; set; }

    [RequestPresence(RequestPresence.Required)]
    [MinLength(1)]
    public string? Type { get; set; }

    [RequestPresence(RequestPresence.Required)]
    public List<LineQuantityRequestDto>? LineItems { get; set; }

    public string? TrackingNumber { get; set; }

    public string? TrackingUrl { get; set; }

    public string? Carrier { get; set; }

    public string? Description { get; set; }
}

internal sealed class AdjustmentRequestDto
{
    [RequestPresence(RequestPresence.Required)]
    [MinLength(1)]
    public string? Id { get; set; }

    [RequestPresence(RequestPresence.Required)]
    [MinLength(1)]
    public string? Type { get; set; }

    [RequestPresence(RequestPresence.Required)]
    public string? OccurredAt { get; set; }

    [RequestPresence(RequestPresence.Required)]
    [AllowedValues("pending", "completed", "failed")]
    public string? Status { get; set; }

    public List<LineQuantityRequestDto>? LineItems { get; set; }

    public List<TotalRequestDto>? Totals { get; set; }
}

internal sealed class LineQuantityRequestDto
{
    [RequestPresence(RequestPresence.Required)]
    public string? Id { get; set; }

    [RequestPresence(RequestPresence.Required)]
    public int? Quantity { get; set; }
}

internal sealed class TotalRequestDto
{
    [RequestPresence(RequestPresence.Required)]
    public string? Type { get; set; }

    [RequestPresence(RequestPresence.Required)]
    public long? Amount { get; set; }

    public string? DisplayText { get; set; }
}
