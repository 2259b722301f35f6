using System.Text.Json.Nodes;

namespace WixUcp.Versions.Shared;

// Wire shapes shared by several documents of UCP 2026-04-08 and 2026-08-25. Property names become snake_case.
#pragma warning disable CA1002, CA2227 // wire DTOs: mutable lists keep source-generated serialization simple

internal sealed class UcpMetaDto
{
    public string Version { get; set; } = "";
    public string? Status { get; set; }
    public Dictionary<string, string>? SupportedVersions { get; set; }
    public Dictionary<string, List<ServiceDto>>? Services { get; set; }
    public Dictionary<string, List<CapabilityDto>>? Capabilities { get; set; }
    public Dictionary<string, List<PaymentHandlerDto>>? PaymentHandlers { get; set; }
}

internal sealed class ServiceDto
{
    public string Version { get; set; } = "";
    public string? Spec { get; set; }
    public string? Schema { get; set; }
    public string Transport { get; set; } = "";
    public string? Endpoint { get; set; }
}

internal sealed class CapabilityDto
{
    public string Version { get; set; } = "";
    public string? Spec { get; set; }
    public string? Schema { get; set; }

    /// <summary>The parent: a name, or an array of names for an extension of several (discount extends checkout and cart).</summary>
    public JsonNode? Extends { get; set; }
    public JsonObject? Config { get; set; }
}

internal sealed class PaymentHandlerDto
{
    public string Id { get; set; } = "";
    public string Version { get; set; } = "";
    public string? Spec { get; set; }
    public string? Schema { get; set; }
    public JsonObject? Config { get; set; }
    public List<AvailableInstrumentDto>? AvailableInstruments { get; set; }
}

internal sealed class AvailableInstrumentDto
{
    public string Type { get; set; } = "";
}

internal sealed class TotalDto
{
    public string Type { get; set; } = "";
    public string? DisplayText { get; set; }
    public long Amount { get; set; }
}

internal sealed class MessageDto
{
    public string Type { get; set; } = "";
    public string? Code { get; set; }
    public string? Path { get; set; }
    public string Content { get; set; } = "";
    public string? Severity { get; set; }
}

internal sealed class LinkDto
{
    public string Type { get; set; } = "";
    public string Url { get; set; } = "";
}

internal sealed class PostalAddressDto
{
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

internal sealed class ContextDto
{
    public string? AddressCountry { get; set; }
    public string? AddressRegion { get; set; }
    public string? PostalCode { get; set; }
    public string? Intent { get; set; }
    public string? Language { get; set; }
    public string? Currency { get; set; }
}

internal sealed class ErrorResponseDto
{
    public UcpMetaDto Ucp { get; set; } = new();
    public List<MessageDto> Messages { get; set; } = [];
    public string? ContinueUrl { get; set; }
}

internal sealed class SigningKeyDto
{
    public string Kid { get; set; } = "";
    public string Kty { get; set; } = "EC";
    public string Crv { get; set; } = "P-256";
    public string X { get; set; } = "";
    public string Y { get; set; } = "";
    public string Use { get; set; } = "sig";
    public string Alg { get; set; } = "ES256";
}
