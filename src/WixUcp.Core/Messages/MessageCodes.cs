namespace WixUcp.Messages;

/// <summary>Message and error codes named by the UCP specification.</summary>
public static class MessageCodes
{
    public const string Missing = "missing";
    public const string Invalid = "invalid";
    public const string NotFound = "not_found";
    public const string OutOfStock = "out_of_stock";
    public const string ItemUnavailable = "item_unavailable";
    public const string AddressUndeliverable = "address_undeliverable";
    public const string PaymentFailed = "payment_failed";
    public const string Requires3ds = "requires_3ds";
    public const string FreeShipping = "free_shipping";
    public const string QuantityAdjusted = "quantity_adjusted";
    public const string DiscountCodeInvalid = "discount_code_invalid";
    public const string DiscountCodeExpired = "discount_code_expired";
    public const string DiscountCodeAlreadyApplied = "discount_code_already_applied";
    public const string DiscountCodeCombinationDisallowed = "discount_code_combination_disallowed";
    public const string CapabilitiesIncompatible = "capabilities_incompatible";
    public const string FulfillmentChanged = "fulfillment_changed";
}
