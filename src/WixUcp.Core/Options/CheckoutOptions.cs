namespace WixUcp;

/// <summary>Limits and rules of checkout sessions.</summary>
public sealed class CheckoutOptions
{
    /// <summary>How long a checkout lives before it expires (UCP default: 6 hours).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long a cart lives after its last change (<c>WixUcp:Checkout:CartLifetime</c>).</summary>
    public TimeSpan CartLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Most line items one checkout may hold.</summary>
    public int MaxLineItems { get; set; } = 100;

    /// <summary>Largest quantity of one line.</summary>
    public int MaxQuantity { get; set; } = 10_000;

    /// <summary>Most discount codes one checkout may carry; more are refused with 400 naming <c>discounts.codes</c>.</summary>
    public int MaxDiscountCodes { get; set; } = 10;

    /// <summary>Whether a buyer email is needed before a checkout is ready for completion.</summary>
    public bool RequireBuyerEmail { get; set; } = true;
}
