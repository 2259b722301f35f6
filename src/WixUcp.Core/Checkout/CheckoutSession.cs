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

    /// <summary>The checkout id: unguessable, the only handle on the session.</summary>
    public required string Id { get; init; }

    /// <summary>Where the checkout is in its lifecycle.</summary>
    public required CheckoutStatus Status { get; init; }

    /// <summary>ISO 4217 currency of every amount.</summary>
    public required string Currency { get; init; }

    /// <summary>The priced lines.</summary>
    public IReadOnlyList<CheckoutLine> Lines { get; init; } = [];

    /// <summary>The buyer, as far as the platform has told.</summary>
    public Buyer? Buyer { get; init; }

    /// <summary>Where and how the buyer shops (country, language, currency hints).</summary>
    public PurchaseContext? Context { get; init; }

    /// <summary>Null when no line needs fulfillment (digital-only carts omit it).</summary>
    public IReadOnlyList<FulfillmentMethod>? Fulfillment { get; init; }

    /// <summary>Discount codes in the order the platform sent them; rejected codes stay listed.</summary>
    public IReadOnlyList<string> DiscountCodes { get; init; } = [];

    /// <summary>The discounts the backend applied, in the order applied.</summary>
    public IReadOnlyList<AppliedDiscount> AppliedDiscounts { get; init; } = [];

    /// <summary>Instruments the platform sent (credentials are never stored).</summary>
    public IReadOnlyList<PaymentInstrument> PaymentInstruments { get; init; } = [];

    /// <summary>Checkout totals, each as its effect on the grand total (discounts negative).</summary>
    public IReadOnlyList<Total> Totals { get; init; } = [];

    /// <summary>What the checkout still needs, and notices.</summary>
    public IReadOnlyList<UcpMessage> Messages { get; init; } = [];

    /// <summary>Where the buyer can finish in the business's UI; null once terminal.</summary>
    public Uri? ContinueUrl { get; init; }

    /// <summary>When the checkout was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last saved.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it expires (canceled on the next read after this time).</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The order, once completed.</summary>
    public OrderConfirmation? Order { get; init; }

    /// <summary>The backend's own handle for this checkout (for example a remote checkout id).</summary>
    public string? BackendReference { get; init; }

    /// <summary>The profile URL of the platform that created the session.</summary>
    public string? PlatformProfile { get; init; }

    /// <summary>Incremented on every save; stores use it for optimistic concurrency.</summary>
    public long Version { get; init; }

    /// <summary>True when completed or canceled: no further change is allowed.</summary>
    public bool IsTerminal => Status is CheckoutStatus.Completed or CheckoutStatus.Canceled;
}
