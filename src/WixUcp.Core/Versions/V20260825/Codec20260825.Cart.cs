using WixUcp.Carts;
using WixUcp.Negotiation;
using WixUcp.Protocol;

namespace WixUcp.Versions.V20260825;

internal partial class Codec20260825
{
    public override CartInput ReadCartCreate(ReadOnlySpan<byte> body) => Wire.ReadCart(body, Json.CartRequestDtoBuyerRequestDto, RequestSchemaNames.CreateCart, ToDomain);

    public override CartInput ReadCartUpdate(ReadOnlySpan<byte> body) => Wire.ReadCart(body, Json.CartRequestDtoBuyerRequestDto, RequestSchemaNames.UpdateCart, ToDomain);

    public override byte[] WriteCart(Cart cart, NegotiationResult negotiation, IReadOnlyDictionary<string, Uri> links) =>
        Wire.WriteCart(cart, negotiation, links, buyer => ToDto(buyer, negotiation.IsActive(UcpCapabilities.BuyerConsent)), Json.CartDtoBuyerDto);
}
