using WixUcp.Commerce;

namespace WixUcp.Checkout;

/// <summary>What a checkout should become, before the backend prices it: the platform's input merged with the stored session.</summary>
internal sealed record CheckoutDraft
{
    public required string Id { get; init; }
    public required List<LineInput> Lines { get; init; }

    /// <summary>Positions of lines whose quantity was clamped to the configured maximum.</summary>
    public IReadOnlyList<int> AdjustedQuantities { get; init; } = [];
    public Buyer? Buyer { get; init; }
    public PurchaseContext? Context { get; init; }
    public FulfillmentDraft? Method { get; init; }
    public IReadOnlyList<string> DiscountCodes { get; init; } = [];
    public IReadOnlyList<PaymentInstrument> Instruments { get; init; } = [];

    public static CheckoutDraft From(CheckoutSession session) => new()
    {
        Id = session.Id,
        Lines = session.Lines.Select(l => new LineInput(l.Id, l.ItemId, l.Quantity, l.ParentId)).ToList(),
        Buyer = session.Buyer,
        Context = session.Context,
        Method = session.Fulfillment is { Count: > 0 } methods ? FulfillmentDraft.From(methods[0]) : null,
        DiscountCodes = session.DiscountCodes,
        Instruments = session.PaymentInstruments,
    };
}
