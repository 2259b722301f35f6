namespace WixUcp.Commerce;

/// <summary>The person buying, as far as the platform has told us.</summary>
public sealed record Buyer
{
    /// <summary>The buyer's given name.</summary>
    public string? FirstName { get; init; }

    /// <summary>The buyer's family name.</summary>
    public string? LastName { get; init; }

    /// <summary>Where the order confirmation goes; the store may require it before completion.</summary>
    public string? Email { get; init; }

    /// <summary>The buyer's phone number, preferably in E.164 form (for example <c>+14155550100</c>).</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>Consent flags from the buyer_consent extension; null when not given.</summary>
    public BuyerConsent? Consent { get; init; }
}
