using System.Text.Json.Nodes;

namespace WixUcp.Versions.V20260408;

// Request shapes declare only what the platform may send; server-owned members (prices, titles, totals, ids of
// options...) are not declared, so whatever a client puts there is ignored rather than trusted or rejected.
#pragma warning disable CA1002, CA2227 // wire DTOs: mutable lists keep source-generated serialization simple

internal sealed class CheckoutRequestDto
{
    public List<LineItemRequestDto>? LineItems { get; set; }
    public BuyerDto? Buyer { get; set; }
    public ContextDto? Context { get; set; }
    public FulfillmentRequestDto? Fulfillment { get; set; }
    public DiscountsRequestDto? Discounts { get; set; }
    public PaymentRequestDto? Payment { get; set; }
}

internal sealed class LineItemRequestDto
{
    public string? Id { get; set; }
    public ItemRequestDto? Item { get; set; }
    // long: the schema sets no maximum, so large quantities are read and clamped by the engine rather than refused.
    public long? Quantity { get; set; }
    public string? ParentId { get; set; }
}

internal sealed class ItemRequestDto
{
    public string? Id { get; set; }
}

internal sealed class FulfillmentRequestDto
{
    public List<FulfillmentMethodRequestDto>? Methods { get; set; }
}

internal sealed class FulfillmentMethodRequestDto
{
    public string? Id { get; set; }
    public string? Type { get; set; }
    public List<string>? LineItemIds { get; set; }
    public List<PostalAddressDto>? Destinations { get; set; }
    public string? SelectedDestinationId { get; set; }
    public List<FulfillmentGroupRequestDto>? Groups { get; set; }
}

internal sealed class FulfillmentGroupRequestDto
{
    public string? Id { get; set; }
    public string? SelectedOptionId { get; set; }
}

internal sealed class DiscountsRequestDto
{
    public List<string>? Codes { get; set; }
}

internal sealed class PaymentRequestDto
{
    public List<InstrumentRequestDto>? Instruments { get; set; }
}

internal sealed class InstrumentRequestDto
{
    public string? Id { get; set; }
    public string? HandlerId { get; set; }
    public string? Type { get; set; }
    public bool? Selected { get; set; }
    public PostalAddressDto? BillingAddress { get; set; }
    public CredentialRequestDto? Credential { get; set; }
    public JsonObject? Display { get; set; }
}

internal sealed class CredentialRequestDto
{
    public string? Type { get; set; }
    public string? Token { get; set; }
}

internal sealed class SearchRequestDto
{
    public string? Query { get; set; }
    public SearchFiltersDto? Filters { get; set; }
    public PaginationRequestDto? Pagination { get; set; }
    public ContextDto? Context { get; set; }
}

internal sealed class SearchFiltersDto
{
    public List<string>? Categories { get; set; }
    public PriceFilterDto? Price { get; set; }
}

internal sealed class PriceFilterDto
{
    public long? Min { get; set; }
    public long? Max { get; set; }
}

internal sealed class PaginationRequestDto
{
    public string? Cursor { get; set; }
    public int? Limit { get; set; }
}

internal sealed class LookupRequestDto
{
    public List<string>? Ids { get; set; }
}

internal sealed class GetProductRequestDto
{
    public string? Id { get; set; }
    public List<SelectedOptionDto>? Selected { get; set; }
    public List<string>? Preferences { get; set; }
}
