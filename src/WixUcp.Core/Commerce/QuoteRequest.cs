using WixUcp.Tenancy;

namespace WixUcp.Commerce;

/// <summary>Everything a backend needs to price a checkout.</summary>
public sealed record QuoteRequest
{
    /// <summary>The store the checkout belongs to.</summary>
    public required UcpTenant Tenant { get; init; }

    /// <summary>The checkout being priced.</summary>
    public required string CheckoutId { get; init; }

    /// <summary>The backend's handle from the previous quote of this checkout, if any.</summary>
    public string? BackendReference { get; init; }

    /// <summary>The lines to price, in the platform's order.</summary>
    public required IReadOnlyList<QuoteLine> Lines { get; init; }

    /// <summary>The buyer, for buyer-specific prices or promotions.</summary>
    public Buyer? Buyer { get; init; }

    /// <summary>Where and how the buyer shops.</summary>
    public PurchaseContext? Context { get; init; }

    /// <summary>The selected shipping destination; null while none is selected.</summary>
    public PostalAddress? ShippingAddress { get; init; }

    /// <summary>The shipping option the platform chose, if any.</summary>
    public string? SelectedShippingOptionId { get; init; }

    /// <summary>Discount codes in the platform's order.</summary>
    public IReadOnlyList<string> DiscountCodes { get; init; } = [];
}
