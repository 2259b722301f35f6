using System.Text.Json.Nodes;

namespace WixUcp.Versions.Shared;

#pragma warning disable CA1002, CA2227 // wire DTOs: mutable lists keep source-generated serialization simple

/// <summary>A checkout as 2026-04-08 and 2026-08-25 answer it; the buyer and fulfillment are each version's own shapes.</summary>
/// <typeparam name="TBuyer">The version's buyer.</typeparam>
/// <typeparam name="TFulfillment">The version's fulfillment.</typeparam>
internal sealed class CheckoutDto<TBuyer, TFulfillment>
    where TBuyer : class
    where TFulfillment : class
{
    public UcpMetaDto Ucp { get; set; } = new();
    public string Id { get; set; } = "";
    public string Status { get; set; } = "";
    public string Currency { get; set; } = "";
    public List<LineItemDto> LineItems { get; set; } = [];
    public TBuyer? Buyer { get; set; }
    public ContextDto? Context { get; set; }
    public TFulfillment? Fulfillment { get; set; }
    public DiscountsDto? Discounts { get; set; }
    public PaymentDto? Payment { get; set; }
    public List<TotalDto> Totals { get; set; } = [];
    public List<MessageDto>? Messages { get; set; }
    public List<LinkDto> Links { get; set; } = [];
    public string? ExpiresAt { get; set; }
    public string? ContinueUrl { get; set; }
    public OrderConfirmationDto? Order { get; set; }
}

internal sealed class LineItemDto
{
    public string Id { get; set; } = "";
    public ItemDto Item { get; set; } = new();
    public int Quantity { get; set; }
    public List<TotalDto> Totals { get; set; } = [];
    public string? ParentId { get; set; }
}

internal sealed class ItemDto
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public long Price { get; set; }
    public string? ImageUrl { get; set; }
}

internal sealed class DiscountsDto
{
    public List<string> Codes { get; set; } = [];
    public List<AppliedDiscountDto> Applied { get; set; } = [];
}

internal sealed class AppliedDiscountDto
{
    public string? Code { get; set; }
    public string Title { get; set; } = "";
    public long Amount { get; set; }
    public bool? Automatic { get; set; }
    public string? Method { get; set; }
    public int? Priority { get; set; }
}

internal sealed class PaymentDto
{
    public List<InstrumentDto> Instruments { get; set; } = [];
}

internal sealed class InstrumentDto
{
    public string Id { get; set; } = "";
    public string HandlerId { get; set; } = "";
    public string Type { get; set; } = "";
    public bool? Selected { get; set; }
    public PostalAddressDto? BillingAddress { get; set; }
    public JsonObject? Display { get; set; }
}

internal sealed class OrderConfirmationDto
{
    public string Id { get; set; } = "";
    public string? Label { get; set; }
    public string PermalinkUrl { get; set; } = "";
}
