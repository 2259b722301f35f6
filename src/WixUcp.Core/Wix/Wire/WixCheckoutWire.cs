using System.Text.Json;

namespace WixUcp.Wix.Wire;

/// <summary>eCommerce money: decimal strings.</summary>
internal sealed class WixMoneyValue
{
    public string? Amount { get; init; }
}

/// <summary>A line's catalog reference: the Stores app, the product, and the variant.</summary>
internal sealed class WixCatalogReference
{
    public string? CatalogItemId { get; init; }

    public string? AppId { get; init; }

    public WixCatalogOptions? Options { get; init; }
}

/// <summary>Which variant of the product a line is.</summary>
internal sealed class WixCatalogOptions
{
    public string? VariantId { get; init; }
}

/// <summary>A line to put in a new checkout.</summary>
internal sealed class WixNewLineItem
{
    public int Quantity { get; init; }

    public required WixCatalogReference CatalogReference { get; init; }
}

/// <summary>A postal address as eCommerce takes it (<c>subdivision</c> is ISO 3166-2, for example <c>US-CA</c>).</summary>
internal sealed class WixAddress
{
    public string? Country { get; init; }

    public string? Subdivision { get; init; }

    public string? City { get; init; }

    public string? PostalCode { get; init; }

    public string? AddressLine1 { get; init; }

    public string? AddressLine2 { get; init; }
}

/// <summary>The person at an address.</summary>
internal sealed class WixContactDetails
{
    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Phone { get; init; }
}

/// <summary>An address with its contact.</summary>
internal sealed class WixAddressWithContact
{
    public WixAddress? Address { get; init; }

    public WixContactDetails? ContactDetails { get; init; }
}

/// <summary>The buyer of a checkout.</summary>
internal sealed class WixBuyerInfo
{
    public string? Email { get; init; }
}

/// <summary>The selected shipping option.</summary>
internal sealed class WixSelectedOption
{
    public string? Code { get; init; }

    public string? Title { get; init; }

    public WixShippingCost? Cost { get; init; }
}

/// <summary>A shipping option's cost.</summary>
internal sealed class WixShippingCost
{
    public WixMoneyValue? Price { get; init; }
}

/// <summary>A checkout's shipping part.</summary>
internal sealed class WixShippingInfo
{
    public WixAddressWithContact? ShippingDestination { get; init; }

    public WixSelectedOption? SelectedCarrierServiceOption { get; init; }

    /// <summary>Offered options, in answers only (null in requests).</summary>
    public List<WixCarrierOption>? CarrierServiceOptions { get; init; }
}

/// <summary>A carrier's options.</summary>
internal sealed class WixCarrierOption
{
    public string? CarrierId { get; init; }

    public List<WixShippingOption> ShippingOptions { get; init; } = [];
}

/// <summary>One shipping option.</summary>
internal sealed class WixShippingOption
{
    public string? Code { get; init; }

    public string? Title { get; init; }

    public WixLogistics? Logistics { get; init; }

    public WixShippingCost? Cost { get; init; }
}

/// <summary>When a shipping option delivers.</summary>
internal sealed class WixLogistics
{
    public string? DeliveryTime { get; init; }
}

/// <summary>What a new checkout or a patch says about the buyer and shipping.</summary>
internal sealed class WixCheckoutInfo
{
    public WixBuyerInfo? BuyerInfo { get; init; }

    public WixAddressWithContact? BillingInfo { get; init; }

    public WixShippingInfo? ShippingInfo { get; init; }
}

/// <summary>The body of <c>POST /ecom/v1/checkouts</c>.</summary>
internal sealed class WixCreateCheckoutRequest
{
    public required List<WixNewLineItem> LineItems { get; init; }

    public string ChannelType { get; init; } = "OTHER_PLATFORM";

    public string? CouponCode { get; init; }

    public WixCheckoutInfo? CheckoutInfo { get; init; }
}

/// <summary>The body of <c>PATCH /ecom/v1/checkouts/{id}</c>: one coupon at a time.</summary>
internal sealed class WixUpdateCheckoutRequest
{
    public required WixCheckoutPatch Checkout { get; init; }

    public string? CouponCode { get; init; }
}

/// <summary>The checkout members a patch changes.</summary>
internal sealed class WixCheckoutPatch
{
    public string? Id { get; init; }

    public WixBuyerInfo? BuyerInfo { get; init; }

    public WixAddressWithContact? BillingInfo { get; init; }

    public WixShippingInfo? ShippingInfo { get; init; }
}

/// <summary><c>{checkout}</c>, as checkout calls answer.</summary>
internal sealed class WixCheckoutEnvelope
{
    public WixCheckout? Checkout { get; init; }
}

/// <summary>A Wix eCommerce checkout, the members the backend maps.</summary>
internal sealed class WixCheckout
{
    public string? Id { get; init; }

    public string? Currency { get; init; }

    public bool? Completed { get; init; }

    public List<WixCheckoutLine> LineItems { get; init; } = [];

    public WixPriceSummary? PriceSummary { get; init; }

    public WixBuyerInfo? BuyerInfo { get; init; }

    public WixShippingInfo? ShippingInfo { get; init; }

    public List<WixAppliedDiscount> AppliedDiscounts { get; init; } = [];

    /// <summary>Shipping, coupon, tax and order-validation errors, as Wix reports them.</summary>
    public JsonElement? CalculationErrors { get; init; }

    /// <summary>Whether the line prices already include tax (the total then does not add it).</summary>
    public bool? TaxIncludedInPrice { get; init; }
}

/// <summary>A checkout line.</summary>
internal sealed class WixCheckoutLine
{
    public string? Id { get; init; }

    public int Quantity { get; init; }

    public WixCatalogReference? CatalogReference { get; init; }

    public WixProductName? ProductName { get; init; }

    public WixMoneyValue? Price { get; init; }

    public WixLineAvailability? Availability { get; init; }

    public JsonElement? Media { get; init; }
}

/// <summary>A line's product name.</summary>
internal sealed class WixProductName
{
    public string? Original { get; init; }
}

/// <summary>Whether a line can be bought.</summary>
internal sealed class WixLineAvailability
{
    public string? Status { get; init; }

    public int? QuantityAvailable { get; init; }
}

/// <summary>The checkout's totals.</summary>
internal sealed class WixPriceSummary
{
    public WixMoneyValue? Subtotal { get; init; }

    public WixMoneyValue? Shipping { get; init; }

    public WixMoneyValue? Tax { get; init; }

    public WixMoneyValue? Discount { get; init; }

    public WixMoneyValue? Total { get; init; }

    public WixMoneyValue? AdditionalFees { get; init; }
}

/// <summary>A discount in effect: a coupon, a merchant discount, or a rule.</summary>
internal sealed class WixAppliedDiscount
{
    public string? DiscountType { get; init; }

    public WixCoupon? Coupon { get; init; }

    public WixMerchantDiscount? MerchantDiscount { get; init; }

    public WixDiscountRule? DiscountRule { get; init; }
}

/// <summary>An applied coupon.</summary>
internal sealed class WixCoupon
{
    public string? Code { get; init; }

    public string? Name { get; init; }

    public WixMoneyValue? Amount { get; init; }
}

/// <summary>A discount the merchant set on the checkout.</summary>
internal sealed class WixMerchantDiscount
{
    public WixMoneyValue? Amount { get; init; }
}

/// <summary>An automatic discount rule.</summary>
internal sealed class WixDiscountRule
{
    public WixRuleName? Name { get; init; }

    public WixMoneyValue? Amount { get; init; }
}

/// <summary>A rule's name.</summary>
internal sealed class WixRuleName
{
    public string? Original { get; init; }
}

/// <summary><c>GET /ecom/v1/checkouts/{id}/checkout-url</c>.</summary>
internal sealed class WixCheckoutUrlResponse
{
    public string? CheckoutUrl { get; init; }
}

/// <summary><c>POST /ecom/v1/checkouts/{id}/create-order</c>.</summary>
internal sealed class WixCreateOrderResponse
{
    public string? OrderId { get; init; }
}

/// <summary>An empty JSON object, for calls whose body carries nothing.</summary>
internal sealed class WixEmpty;

/// <summary>The body of <c>POST /ecom/v1/orders/search</c>.</summary>
internal sealed class WixOrderSearchRequest
{
    public required WixOrderSearch Search { get; init; }
}

/// <summary>An order search: a filter object and cursor paging.</summary>
internal sealed class WixOrderSearch
{
    public JsonElement? Filter { get; init; }

    public WixCursorPaging? CursorPaging { get; init; }
}

/// <summary>The answer of an order search.</summary>
internal sealed class WixOrderSearchResponse
{
    public List<WixOrderSummary> Orders { get; init; } = [];
}

/// <summary>The members of an order the checkout needs.</summary>
internal sealed class WixOrderSummary
{
    public string? Id { get; init; }

    public string? Number { get; init; }

    public string? CheckoutId { get; init; }

    public string? PaymentStatus { get; init; }

    public string? Currency { get; init; }

    public WixPriceSummary? PriceSummary { get; init; }

    public List<WixCheckoutLine> LineItems { get; init; } = [];
}

/// <summary>An order with its fulfillments, as <c>fulfillments_updated</c> carries it.</summary>
internal sealed class WixOrderWithFulfillments
{
    public string? OrderId { get; init; }

    public List<WixFulfillment> Fulfillments { get; init; } = [];
}

/// <summary>One fulfillment: which lines, and how to track them.</summary>
internal sealed class WixFulfillment
{
    public string? Id { get; init; }

    public DateTimeOffset? CreatedDate { get; init; }

    public List<WixFulfillmentLine> LineItems { get; init; } = [];

    public WixTrackingInfo? TrackingInfo { get; init; }
}

/// <summary>A fulfilled quantity of an order line.</summary>
internal sealed class WixFulfillmentLine
{
    public string? Id { get; init; }

    public int Quantity { get; init; }
}

/// <summary>Tracking of a fulfillment.</summary>
internal sealed class WixTrackingInfo
{
    public string? TrackingNumber { get; init; }

    public string? ShippingProvider { get; init; }

    public string? TrackingLink { get; init; }
}

/// <summary><c>{order}</c>, as order actions carry it.</summary>
internal sealed class WixOrderAction
{
    public WixOrderSummary? Order { get; init; }
}

/// <summary>The body of <c>POST /ecom/v1/payments/orders/{orderId}/add-payment</c>: it records, it charges nothing.</summary>
internal sealed class WixAddPaymentsRequest
{
    public required List<WixPaymentRecord> Payments { get; init; }
}

/// <summary>One payment taken elsewhere.</summary>
internal sealed class WixPaymentRecord
{
    public required WixMoneyValue Amount { get; init; }

    public required WixRegularPaymentDetails RegularPaymentDetails { get; init; }
}

/// <summary>How a recorded payment was taken.</summary>
internal sealed class WixRegularPaymentDetails
{
    public string? PaymentMethod { get; init; }

    public string? ProviderTransactionId { get; init; }

    public string Status { get; init; } = "APPROVED";

    public bool OfflinePayment { get; init; }
}

/// <summary><c>{order}</c> of <c>GET /ecom/v1/orders/{id}</c>, the members the checkout needs.</summary>
internal sealed class WixOrderEnvelope
{
    public WixOrderSummary? Order { get; init; }
}
