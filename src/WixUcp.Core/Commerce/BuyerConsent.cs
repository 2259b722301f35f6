namespace WixUcp.Commerce;

/// <summary>The buyer_consent extension's flags.</summary>
public sealed record BuyerConsent
{
    public bool? Analytics { get; init; }
    public bool? Preferences { get; init; }
    public bool? Marketing { get; init; }
    public bool? SaleOfData { get; init; }
}
