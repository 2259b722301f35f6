namespace WixUcp.Commerce;

/// <summary>The person buying, as far as the platform has told us.</summary>
public sealed record Buyer
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public string? PhoneNumber { get; init; }

    /// <summary>Consent flags from the buyer_consent extension; null when not given.</summary>
    public BuyerConsent? Consent { get; init; }
}
