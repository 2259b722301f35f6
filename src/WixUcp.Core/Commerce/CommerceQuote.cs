using WixUcp.Checkout;
using WixUcp.Messages;

namespace WixUcp.Commerce;

/// <summary>A backend's answer to <see cref="QuoteRequest"/>.</summary>
public sealed record CommerceQuote
{
    /// <summary>ISO 4217 currency of every amount in the quote.</summary>
    public required string Currency { get; init; }

    /// <summary>One priced line per requested line, with the same line ids.</summary>
    public required IReadOnlyList<QuotedLine> Lines { get; init; }

    /// <summary>Shipping options for the requested address, cheapest first; null when no address was given.</summary>
    public IReadOnlyList<FulfillmentOption>? ShippingOptions { get; init; }

    /// <summary>The shipping option in effect (null when the requested one is not offered).</summary>
    public string? SelectedShippingOptionId { get; init; }

    /// <summary>Discounts in effect, both from accepted codes and automatic ones.</summary>
    public IReadOnlyList<AppliedDiscount> Discounts { get; init; } = [];

    /// <summary>Requested discount codes that did not apply, each with the reason.</summary>
    public IReadOnlyList<DiscountRejection> RejectedDiscountCodes { get; init; } = [];

    /// <summary>Checkout totals: exactly one subtotal and one total; discounts negative.</summary>
    public required IReadOnlyList<Total> Totals { get; init; }

    /// <summary>Path-less notices to show the buyer (for example a free-shipping promotion).</summary>
    public IReadOnlyList<UcpMessage> Notices { get; init; } = [];

    /// <summary>The backend's own handle for this checkout (for example a remote cart id), passed back on the next quote.</summary>
    public string? BackendReference { get; init; }
}
