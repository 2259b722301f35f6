namespace WixUcp.Commerce;

/// <summary>Provisional hints from the platform (used only while authoritative data such as an address is absent).</summary>
public sealed record PurchaseContext
{
    public string? AddressCountry { get; init; }
    public string? AddressRegion { get; init; }
    public string? PostalCode { get; init; }
    public string? Intent { get; init; }
    public string? Language { get; init; }
    public string? Currency { get; init; }
}
