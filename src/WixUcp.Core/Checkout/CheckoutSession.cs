using WixUcp.Commerce;
using WixUcp.Messages;

namespace WixUcp.Checkout;

/// <summary>
/// The checkout aggregate as stored. It is protocol-version neutral: a codec renders it for a negotiated version.
/// </summary>
public sealed record CheckoutSession
{
    /// <summary>The store the checkout belongs to; stores key sessions by tenant and id.</summary>
    public required string TenantId { get; init; }

    public required string Id { get; init; }
    public required CheckoutStatus Status { get; init; }
    public required string Currency { get; init; }
    public IReadOnlyList<CheckoutLine> Lines { get; init; } = [];
    public Buyer? Buyer { get; init; }
    public PurchaseContext? Context { get; init; }

    /// <summary>Null when no line needs fulfillment (digital-only carts omit it).</summary>
    public IReadOnlyList<FulfillmentMethod>? Fulfillment { get; init; }

    /// <summary>Discount codes in the order the platform sent them; rejected codes stay listed.</summary>
    public IReadOnlyList<string> DiscountCodes { get; init; } = [];
    public IReadOnlyList<AppliedDiscount> AppliedDiscounts { get; init; } = [];
    public IReadOnlyList<PaymentInstrument> PaymentInstruments { get; init; } = [];
    public IReadOnlyList<Total> Totals { get; init; } = [];
    public IReadOnlyList<UcpMessage> Messages { get; init; } = [];
    public Uri? ContinueUrl { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public OrderConfirmation? Order { get; init; }

    /// <summary>The backend's own handle for this checkout (for example a remote checkout id).</summary>
    public string? BackendReference { get; init; }

    /// <summary>The profile URL of the platform that created the session.</summary>
    public string? PlatformProfile { get; init; }

    /// <summary>Incremented on every save; stores use it for optimistic concurrency.</summary>
    public long Version { get; init; }

    public bool IsTerminal => Status is CheckoutStatus.Completed or CheckoutStatus.Canceled;
}
