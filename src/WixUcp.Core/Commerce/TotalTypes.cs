namespace WixUcp.Commerce;

/// <summary>The well-known total types.</summary>
public static class TotalTypes
{
    /// <summary>Sum of the line prices before discounts, fulfillment, tax and fees.</summary>
    public const string Subtotal = "subtotal";

    /// <summary>Discounts taken off the items (negative).</summary>
    public const string ItemsDiscount = "items_discount";

    /// <summary>Discounts taken off the order as a whole (negative).</summary>
    public const string Discount = "discount";

    /// <summary>Shipping or other delivery cost.</summary>
    public const string Fulfillment = "fulfillment";

    /// <summary>Taxes charged.</summary>
    public const string Tax = "tax";

    /// <summary>Other charges, for example a handling or service fee.</summary>
    public const string Fee = "fee";

    /// <summary>The amount the buyer pays.</summary>
    public const string Total = "total";
}
