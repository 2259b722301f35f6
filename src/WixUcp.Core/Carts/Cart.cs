using WixUcp.Checkout;
using WixUcp.Commerce;
using WixUcp.Messages;

namespace WixUcp.Carts;

/// <summary>
/// A cart (<c>dev.ucp.shopping.cart</c>): a basket priced as an estimate, with no payment, fulfillment or status; it
/// exists until canceled or expired. A checkout made from it is remembered, so converting it again finds the same one.
/// </summary>
public sealed record Cart
{
    /// <summary>The store the cart belongs to.</summary>
    public required string TenantId { get; init; }

    /// <summary>The cart id (<c>cart_</c> and random hex).</summary>
    public required string Id { get; init; }

    /// <summary>The profile URL of the platform that made it; other platforms cannot see it.</summary>
    public string? PlatformProfile { get; init; }

    /// <summary>ISO 4217 currency of the prices.</summary>
    public required string Currency { get; init; }

    /// <summary>The line items, priced.</summary>
    public IReadOnlyList<CheckoutLine> Lines { get; init; } = [];

    /// <summary>The buyer, for personalised estimates.</summary>
    public Buyer? Buyer { get; init; }

    /// <summary>Localisation signals.</summary>
    public PurchaseContext? Context { get; init; }

    /// <summary>Discount codes submitted (the discount extension on carts).</summary>
    public IReadOnlyList<string> DiscountCodes { get; init; } = [];

    /// <summary>Discounts in effect.</summary>
    public IReadOnlyList<AppliedDiscount> AppliedDiscounts { get; init; } = [];

    /// <summary>Estimated totals (no shipping or tax until checkout).</summary>
    public IReadOnlyList<Total> Totals { get; init; } = [];

    /// <summary>Messages about the lines and codes.</summary>
    public IReadOnlyList<UcpMessage> Messages { get; init; } = [];

    /// <summary>The checkout made from this cart, if any.</summary>
    public string? CheckoutId { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it expires (each change extends it).</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Optimistic version, 1 on creation.</summary>
    public long Version { get; init; }
}
