namespace WixUcp.Commerce;

/// <summary>Provisional hints from the platform (used only while authoritative data such as an address is absent).</summary>
public sealed record PurchaseContext
{
    /// <summary>The buyer's likely country, as an ISO 3166-1 alpha-2 code.</summary>
    public string? AddressCountry { get; init; }

    /// <summary>The buyer's likely state, province or region.</summary>
    public string? AddressRegion { get; init; }

    /// <summary>The buyer's likely postal or ZIP code.</summary>
    public string? PostalCode { get; init; }

    /// <summary>Free-text description of what the buyer is after (for example "a gift under $50"), for relevance.</summary>
    public string? Intent { get; init; }

    /// <summary>The buyer's preferred language, as an IETF BCP 47 tag (for example <c>en-US</c>).</summary>
    public string? Language { get; init; }

    /// <summary>The buyer's preferred ISO 4217 currency; the store may price in another.</summary>
    public string? Currency { get; init; }
}
