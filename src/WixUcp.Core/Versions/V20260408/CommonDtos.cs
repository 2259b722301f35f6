using WixUcp.Versions.Shared;

namespace WixUcp.Versions.V20260408;

// The buyer and profile shapes of UCP 2026-04-08 (the shared ones are in Versions/Shared). Property names become snake_case.
#pragma warning disable CA1002, CA2227 // wire DTOs: mutable lists keep source-generated serialization simple

internal sealed class BuyerDto
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? PhoneNumber { get; set; }
    public ConsentDto? Consent { get; set; }
}

internal sealed class ConsentDto
{
    public bool? Analytics { get; set; }
    public bool? Preferences { get; set; }
    public bool? Marketing { get; set; }
    public bool? SaleOfData { get; set; }
}

internal sealed class ProfileDto
{
    public UcpMetaDto Ucp { get; set; } = new();
    public List<SigningKeyDto> SigningKeys { get; set; } = [];
}
