namespace WixUcp.Messages;

/// <summary>Message and error codes named by the UCP specification.</summary>
public static class MessageCodes
{
    /// <summary>A required field is absent, for example the buyer email or a shipping address.</summary>
    public const string Missing = "missing";

    /// <summary>A field has a value the store does not accept.</summary>
    public const string Invalid = "invalid";

    /// <summary>The referenced resource (checkout, order, product) does not exist.</summary>
    public const string NotFound = "not_found";

    /// <summary>An item has no (or not enough) stock left.</summary>
    public const string OutOfStock = "out_of_stock";

    /// <summary>An item is not sold by this store or cannot be bought now.</summary>
    public const string ItemUnavailable = "item_unavailable";

    /// <summary>The store cannot deliver to the chosen address.</summary>
    public const string AddressUndeliverable = "address_undeliverable";

    /// <summary>The payment was declined or could not be processed.</summary>
    public const string PaymentFailed = "payment_failed";

    /// <summary>The payment needs a 3-D Secure challenge the buyer must complete.</summary>
    public const string Requires3ds = "requires_3ds";

    /// <summary>Notice that shipping is free, for example through a promotion.</summary>
    public const string FreeShipping = "free_shipping";

    /// <summary>A line's quantity was changed by the store, for example capped to the stock available.</summary>
    public const string QuantityAdjusted = "quantity_adjusted";

    /// <summary>A discount code is not known to the store.</summary>
    public const string DiscountCodeInvalid = "discount_code_invalid";

    /// <summary>A discount code exists but is no longer valid.</summary>
    public const string DiscountCodeExpired = "discount_code_expired";

    /// <summary>A discount code is already in effect on this checkout.</summary>
    public const string DiscountCodeAlreadyApplied = "discount_code_already_applied";

    /// <summary>A discount code cannot be combined with the other discounts in effect.</summary>
    public const string DiscountCodeCombinationDisallowed = "discount_code_combination_disallowed";

    /// <summary>The platform and this server share no protocol version or required capability.</summary>
    public const string CapabilitiesIncompatible = "capabilities_incompatible";

    /// <summary>The chosen fulfillment option is no longer offered and must be chosen again.</summary>
    public const string FulfillmentChanged = "fulfillment_changed";
}
