using WixUcp.Commerce;

namespace WixUcp.Checkout;

/// <summary>
/// A create, update or complete request decoded from any protocol version. A null member was absent from the
/// request: on update the stored value is kept; a present member replaces it wholesale. Line items always replace.
/// </summary>
internal sealed record CheckoutInput
{
    public IReadOnlyList<LineInput>? Lines { get; init; }
    public Buyer? Buyer { get; init; }
    public PurchaseContext? Context { get; init; }
    public IReadOnlyList<FulfillmentMethodInput>? FulfillmentMethods { get; init; }
    public IReadOnlyList<string>? DiscountCodes { get; init; }
    public IReadOnlyList<InstrumentInput>? PaymentInstruments { get; init; }
}
