using WixUcp.Versions.Shared;

namespace WixUcp.Versions.V20260408;

#pragma warning disable CA1002, CA2227 // wire DTOs: mutable lists keep source-generated serialization simple

internal sealed class FulfillmentDto
{
    public List<FulfillmentMethodDto> Methods { get; set; } = [];
}

internal sealed class FulfillmentMethodDto
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public List<string> LineItemIds { get; set; } = [];
    public List<PostalAddressDto> Destinations { get; set; } = [];
    public string? SelectedDestinationId { get; set; }
    public List<FulfillmentGroupDto> Groups { get; set; } = [];
}

internal sealed class FulfillmentGroupDto
{
    public string Id { get; set; } = "";
    public List<string> LineItemIds { get; set; } = [];
    public List<FulfillmentOptionDto> Options { get; set; } = [];
    public string? SelectedOptionId { get; set; }
}

internal sealed class FulfillmentOptionDto
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? Carrier { get; set; }
    public List<TotalDto> Totals { get; set; } = [];
}
