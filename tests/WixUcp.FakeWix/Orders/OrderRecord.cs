using System.Text.Json.Nodes;
using WixUcp.FakeWix.Infrastructure;

namespace WixUcp.FakeWix.Orders;

/// <summary>A stored order (a snapshot of its checkout at creation) with its payments and fulfillments.</summary>
internal sealed class OrderRecord
{
    public required string Id { get; init; }

    public required string Number { get; init; }

    public required string InstanceId { get; init; }

    public required string CheckoutId { get; init; }

    public required string Currency { get; init; }

    public required string ChannelType { get; init; }

    public string Status { get; set; } = "INITIALIZED";

    public string PaymentStatus { get; set; } = "NOT_PAID";

    public string FulfillmentStatus { get; set; } = "NOT_FULFILLED";

    public required JsonArray LineItems { get; init; }

    public required Dictionary<string, int> LineQuantities { get; init; }

    /// <summary>Line id → (product id, variant id) as resolved at creation (for restocking on cancel).</summary>
    public required Dictionary<string, (string ProductId, string VariantId)> LineVariants { get; init; }

    public required JsonObject BuyerInfo { get; init; }

    public JsonObject? BillingInfo { get; init; }

    public JsonObject? ShippingInfo { get; init; }

    public required JsonArray AppliedDiscounts { get; init; }

    public required decimal Subtotal { get; init; }

    public required decimal Shipping { get; init; }

    public required decimal Tax { get; init; }

    public required decimal Discount { get; init; }

    public required decimal Total { get; init; }

    public string? PaymentGatewayOrderId { get; init; }

    public List<PaymentRecord> Payments { get; } = [];

    public List<JsonObject> Fulfillments { get; } = [];

    public required DateTimeOffset CreatedDate { get; init; }

    public required DateTimeOffset UpdatedDate { get; set; }

    public decimal Paid => Payments.Where(p => p.Settled && p.Status == "APPROVED").Sum(p => p.Amount);

    public JsonObject Render()
    {
        JsonObject M(decimal value) => Money.Simple(value, Currency);
        var json = new JsonObject
        {
            ["id"] = Id,
            ["number"] = Number,
            ["checkoutId"] = CheckoutId,
            ["currency"] = Currency,
            ["status"] = Status,
            ["paymentStatus"] = PaymentStatus,
            ["fulfillmentStatus"] = FulfillmentStatus,
            ["archived"] = false,
            ["lineItems"] = LineItems.DeepClone(),
            ["buyerInfo"] = BuyerInfo.DeepClone(),
            ["buyerLanguage"] = "en",
            ["weightUnit"] = "KG",
            ["taxIncludedInPrices"] = false,
            ["priceSummary"] = new JsonObject
            {
                ["subtotal"] = M(Subtotal),
                ["shipping"] = M(Shipping),
                ["tax"] = M(Tax),
                ["discount"] = M(Discount),
                ["totalPrice"] = M(Total),
                ["total"] = M(Total),
                ["totalAdditionalFees"] = M(0),
            },
            ["balanceSummary"] = new JsonObject { ["balance"] = M(Math.Max(0, Total - Paid)), ["paid"] = M(Paid) },
            ["appliedDiscounts"] = AppliedDiscounts.DeepClone(),
            ["channelInfo"] = new JsonObject { ["type"] = ChannelType },
            ["activities"] = new JsonArray(),
            ["createdDate"] = Wire.Date(CreatedDate),
            ["updatedDate"] = Wire.Date(UpdatedDate),
        };
        json.With("billingInfo", BillingInfo?.DeepClone());
        json.With("shippingInfo", ShippingInfo?.DeepClone());
        return json;
    }
}

/// <summary>A payment recorded against an order (Add Payments, or the hosted page).</summary>
internal sealed class PaymentRecord
{
    public required string Id { get; init; }

    public required decimal Amount { get; init; }

    public string? PaymentMethod { get; init; }

    public string? ProviderTransactionId { get; init; }

    public string? GatewayTransactionId { get; init; }

    public string Status { get; init; } = "APPROVED";

    public bool Offline { get; init; }

    public bool Settled { get; set; }

    public required DateTimeOffset CreatedDate { get; init; }

    public JsonObject Render(string currency)
    {
        var details = new JsonObject { ["offlinePayment"] = Offline, ["status"] = Status };
        details.With("paymentMethod", PaymentMethod).With("providerTransactionId", ProviderTransactionId).With("gatewayTransactionId", GatewayTransactionId);
        return new JsonObject
        {
            ["id"] = Id,
            ["createdDate"] = Wire.Date(CreatedDate),
            ["updatedDate"] = Wire.Date(CreatedDate),
            ["amount"] = Money.Simple(Amount, currency),
            ["refundDisabled"] = false,
            ["regularPaymentDetails"] = details,
        };
    }
}
