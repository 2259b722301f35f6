using WixUcp.Tenancy;

namespace WixUcp.Commerce;

/// <summary>Everything a backend needs to price a checkout.</summary>
public sealed record QuoteRequest
{
    /// <summary>The store the checkout belongs to.</summary>
    public required UcpTenant Tenant { get; init; }

    public required string CheckoutId { get; init; }

    /// <summary>The backend's handle from the previous quote of this checkout, if any.</summary>
    public string? BackendReference { get; init; }
    public required IReadOnlyList<QuoteLine> Lines { get; init; }
    public Buyer? Buyer { get; init; }
    public PurchaseContext? Context { get; init; }

    /// <summary>The selected shipping destination; null while none is selected.</summary>
    public PostalAddress? ShippingAddress { get; init; }
    public string? SelectedShippingOptionId { get; init; }
    public IReadOnlyList<string> DiscountCodes { get; init; } = [];
}
