namespace WixUcp.Versions.Shared;

#pragma warning disable CA1002, CA2227 // wire DTOs: mutable lists keep source-generated serialization simple

internal sealed class OrderDto
{
    public UcpMetaDto Ucp { get; set; } = new();
    public string Id { get; set; } = "";
    public string? Label { get; set; }
    public string CheckoutId { get; set; } = "";
    public string PermalinkUrl { get; set; } = "";
    public List<OrderLineItemDto> LineItems { get; set; } = [];
    public OrderFulfillmentDto Fulfillment { get; set; } = new();
    public string Currency { get; set; } = "";
    public List<TotalDto> Totals { get; set; } = [];
    public List<AdjustmentDto>? Adjustments { get; set; }
}

internal sealed class AdjustmentDto
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public string OccurredAt { get; set; } = "";
    public string Status { get; set; } = "";
    public List<LineQuantityDto>? LineItems { get; set; }
    public List<TotalDto>? Totals { get; set; }
}

internal sealed class OrderLineItemDto
{
    public string Id { get; set; } = "";
    public ItemDto Item { get; set; } = new();
    public OrderQuantityDto Quantity { get; set; } = new();
    public List<TotalDto> Totals { get; set; } = [];
    public string Status { get; set; } = "";
    public string? ParentId { get; set; }
}

internal sealed class OrderQuantityDto
{
    public int Original { get; set; }
    public int Total { get; set; }
    public int Fulfilled { get; set; }
}

internal sealed class OrderFulfillmentDto
{
    public List<ExpectationDto> Expectations { get; set; } = [];
    public List<FulfillmentEventDto> Events { get; set; } = [];
}

internal sealed class LineQuantityDto
{
    public string Id { get; set; } = "";
    public int Quantity { get; set; }
}

internal sealed class ExpectationDto
{
    public string Id { get; set; } = "";
    public List<LineQuantityDto> LineItems { get; set; } = [];
    public string MethodType { get; set; } = "";
    public PostalAddressDto Destination { get; set; } = new();
    public string? Description { get; set; }
}

internal sealed class FulfillmentEventDto
{
    public string Id { get; set; } = "";
    public string OccurredAt { get; set; } = "";
    public string Type { get; set; } = "";
    public List<LineQuantityDto> LineItems { get; set; } = [];
    public string? TrackingNumber { get; set; }
    public string? TrackingUrl { get; set; }
    public string? Carrier { get; set; }
    public string? Description { get; set; }
}

internal sealed class SearchResponseDto
{
    public UcpMetaDto Ucp { get; set; } = new();
    public List<ProductDto> Products { get; set; } = [];
    public PaginationResponseDto Pagination { get; set; } = new();
}

internal sealed class PaginationResponseDto
{
    public string? Cursor { get; set; }
    public bool HasNextPage { get; set; }
    public int? TotalCount { get; set; }
}

internal sealed class LookupResponseDto
{
    public UcpMetaDto Ucp { get; set; } = new();
    public List<ProductDto> Products { get; set; } = [];
    public List<MessageDto>? Messages { get; set; }
}

internal sealed class GetProductResponseDto
{
    public UcpMetaDto Ucp { get; set; } = new();
    public ProductDto Product { get; set; } = new();
}

internal sealed class ProductDto
{
    public string Id { get; set; } = "";
    public string? Handle { get; set; }
    public string Title { get; set; } = "";
    public DescriptionDto Description { get; set; } = new();
    public string? Url { get; set; }
    public List<CategoryDto>? Categories { get; set; }
    public PriceRangeDto PriceRange { get; set; } = new();
    public List<MediaDto>? Media { get; set; }
    public List<ProductOptionDto>? Options { get; set; }
    public List<SelectedOptionDto>? Selected { get; set; }
    public List<VariantDto> Variants { get; set; } = [];
    public List<string>? Tags { get; set; }
}

internal sealed class DescriptionDto
{
    public string? Plain { get; set; }
}

internal sealed class CategoryDto
{
    public string Value { get; set; } = "";
}

internal sealed class PriceDto
{
    public long Amount { get; set; }
    public string Currency { get; set; } = "";
}

internal sealed class PriceRangeDto
{
    public PriceDto Min { get; set; } = new();
    public PriceDto Max { get; set; } = new();
}

internal sealed class MediaDto
{
    public string Type { get; set; } = "";
    public string Url { get; set; } = "";
    public string? AltText { get; set; }
}

internal sealed class ProductOptionDto
{
    public string Name { get; set; } = "";
    public List<OptionValueDto> Values { get; set; } = [];
}

internal sealed class OptionValueDto
{
    public string Label { get; set; } = "";
    public bool? Available { get; set; }
    public bool? Exists { get; set; }
}

internal sealed class SelectedOptionDto
{
    // Requests may name the option value by id as well; this server selects by name and label.
    public string? Id { get; set; }

    [RequestPresence(RequestPresence.Required)]
    public string? Name { get; set; }

    [RequestPresence(RequestPresence.Required)]
    public string? Label { get; set; }
}

internal sealed class VariantDto
{
    public string Id { get; set; } = "";
    public string? Sku { get; set; }
    public string Title { get; set; } = "";
    public DescriptionDto Description { get; set; } = new();
    public PriceDto Price { get; set; } = new();
    public PriceDto? ListPrice { get; set; }
    public AvailabilityDto? Availability { get; set; }
    public List<SelectedOptionDto>? Options { get; set; }
    public List<MediaDto>? Media { get; set; }
    public List<InputCorrelationDto>? Inputs { get; set; }
}

internal sealed class AvailabilityDto
{
    public bool Available { get; set; }
    public string? Status { get; set; }
}

internal sealed class InputCorrelationDto
{
    public string Id { get; set; } = "";
    public string Match { get; set; } = "";
}
