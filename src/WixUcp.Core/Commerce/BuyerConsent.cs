namespace WixUcp.Commerce;

/// <summary>The buyer_consent extension's flags. Each is null when the buyer has not said.</summary>
public sealed record BuyerConsent
{
    /// <summary>Whether the buyer allows analytics tracking.</summary>
    public bool? Analytics { get; init; }

    /// <summary>Whether the buyer allows storing preferences for personalisation.</summary>
    public bool? Preferences { get; init; }

    /// <summary>Whether the buyer agrees to receive marketing.</summary>
    public bool? Marketing { get; init; }

    /// <summary>Whether the buyer allows the sale of their personal data.</summary>
    public bool? SaleOfData { get; init; }
}
