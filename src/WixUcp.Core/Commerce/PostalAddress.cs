namespace WixUcp.Commerce;

/// <summary>A postal address in UCP's field vocabulary (schema.org PostalAddress names).</summary>
public sealed record PostalAddress
{
    /// <summary>Street and house number.</summary>
    public string? StreetAddress { get; init; }

    /// <summary>Second address line: apartment, suite, floor.</summary>
    public string? ExtendedAddress { get; init; }

    /// <summary>City or town.</summary>
    public string? AddressLocality { get; init; }

    /// <summary>State, province or region, for example <c>CA</c>.</summary>
    public string? AddressRegion { get; init; }

    /// <summary>Postal or ZIP code.</summary>
    public string? PostalCode { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public string? AddressCountry { get; init; }

    /// <summary>Given name of the recipient.</summary>
    public string? FirstName { get; init; }

    /// <summary>Family name of the recipient.</summary>
    public string? LastName { get; init; }

    /// <summary>Recipient's phone number, for the carrier.</summary>
    public string? PhoneNumber { get; init; }
}
