using WixUcp.Checkout;
using WixUcp.Commerce;

namespace WixUcp.Carts;

/// <summary>A cart create or update from any protocol version: an update replaces the cart with it.</summary>
internal sealed record CartInput
{
    public required IReadOnlyList<LineInput> Lines { get; init; }
    public Buyer? Buyer { get; init; }
    public PurchaseContext? Context { get; init; }
    public IReadOnlyList<string>? DiscountCodes { get; init; }
}
