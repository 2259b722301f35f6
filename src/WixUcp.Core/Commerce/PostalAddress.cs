namespace WixUcp.Commerce;

/// <summary>A postal address in UCP's field vocabulary (schema.org PostalAddress names).</summary>
public sealed record PostalAddress
{
    public string? StreetAddress { get; init; }
    public string? ExtendedAddress { get; init; }
    public string? AddressLocality { get; init; }
    public string? AddressRegion { get; init; }
    public string? PostalCode { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public string? AddressCountry { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? PhoneNumber { get; init; }
}
