namespace WixUcp.Commerce;

/// <summary>The well-known total types.</summary>
public static class TotalTypes
{
    public const string Subtotal = "subtotal";
    public const string ItemsDiscount = "items_discount";
    public const string Discount = "discount";
    public const string Fulfillment = "fulfillment";
    public const string Tax = "tax";
    public const string Fee = "fee";
    public const string Total = "total";
}
