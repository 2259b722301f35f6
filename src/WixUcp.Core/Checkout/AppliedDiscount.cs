namespace WixUcp.Checkout;

/// <summary>A discount that took effect. <see cref="Amount"/> is a positive magnitude in minor units.</summary>
public sealed record AppliedDiscount
{
    /// <summary>The code as the platform sent it; null for automatic discounts.</summary>
    public string? Code { get; init; }
    public required string Title { get; init; }
    public required long Amount { get; init; }
    public bool Automatic { get; init; }
    public int? Priority { get; init; }
}
