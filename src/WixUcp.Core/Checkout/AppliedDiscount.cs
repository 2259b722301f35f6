namespace WixUcp.Checkout;

/// <summary>A discount that took effect. <see cref="Amount"/> is a positive magnitude in minor units.</summary>
public sealed record AppliedDiscount
{
    /// <summary>The code as the platform sent it; null for automatic discounts.</summary>
    public string? Code { get; init; }

    /// <summary>Buyer-facing name of the discount, for example <c>10% off summer sale</c>.</summary>
    public required string Title { get; init; }

    /// <summary>How much the discount takes off, as a positive number of minor units.</summary>
    public required long Amount { get; init; }

    /// <summary>Whether the store applied the discount without a code.</summary>
    public bool Automatic { get; init; }

    /// <summary>Order in which the discount was applied (1 first); null when not meaningful.</summary>
    public int? Priority { get; init; }
}
