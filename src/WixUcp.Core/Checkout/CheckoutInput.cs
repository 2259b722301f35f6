using WixUcp.Commerce;

namespace WixUcp.Checkout;

/// <summary>
/// A create, update or complete request decoded from any protocol version. A null member was absent from the
/// request: on update the stored value is kept (2026-04-08 and older) or cleared (<see cref="ReplacesAbsent"/>);
/// a present member replaces it wholesale. Line items always replace.
/// </summary>
internal sealed record CheckoutInput
{
    public IReadOnlyList<LineInput>? Lines { get; init; }
    public Buyer? Buyer { get; init; }
    public PurchaseContext? Context { get; init; }
    public IReadOnlyList<FulfillmentMethodInput>? FulfillmentMethods { get; init; }
    public IReadOnlyList<string>? DiscountCodes { get; init; }
    public IReadOnlyList<InstrumentInput>? PaymentInstruments { get; init; }

    /// <summary>
    /// Whether an update is a full replacement (2026-08-25): an absent member clears the stored one, except buyer
    /// consent, which only a present consent changes.
    /// </summary>
    public bool ReplacesAbsent { get; init; }

    /// <summary>On create: the cart to check out, whose lines, buyer and context replace the request's.</summary>
    public string? CartId { get; init; }
}
