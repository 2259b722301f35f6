using WixUcp.Versions.Shared;

namespace WixUcp.Versions.V20260825;

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
    public List<ShippingDestinationDto> Destinations { get; set; } = [];
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
    public DescriptionDto? Description { get; set; }
    public string? Carrier { get; set; }
    public List<TotalDto> Totals { get; set; } = [];
}

/// <summary>A destination as 2026-08-25 types it (<c>shipping_address</c>: a postal address with an id).</summary>
internal sealed class ShippingDestinationDto
{
    public string Type { get; set; } = "shipping_address";
    public string Id { get; set; } = "";
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
