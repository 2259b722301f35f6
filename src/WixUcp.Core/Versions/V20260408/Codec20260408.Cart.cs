using System.Text.Json;
using WixUcp.Carts;
using WixUcp.Negotiation;
using WixUcp.Protocol;
using WixUcp.Versions.Shared;

namespace WixUcp.Versions.V20260408;

internal partial class Codec20260408
{
    public override CartInput ReadCartCreate(ReadOnlySpan<byte> body) => ToCartInput(Wire.Read(body, Json.CartRequestDto, RequestSchemaNames.CreateCart));

    public override CartInput ReadCartUpdate(ReadOnlySpan<byte> body) => ToCartInput(Wire.Read(body, Json.CartRequestDto, RequestSchemaNames.UpdateCart));

    public override byte[] WriteCart(Cart cart, NegotiationResult negotiation, IReadOnlyDictionary<string, Uri> links)
    {
        var consent = negotiation.IsActive(UcpCapabilities.BuyerConsent);
        var dto = new CartDto
        {
            Ucp = Wire.Meta(negotiation, handlers: null),
            Id = cart.Id,
            LineItems = Wire.LineItems(cart.Lines),
            Buyer = cart.Buyer is null ? null : ToDto(cart.Buyer, consent),
            Context = cart.Context is null ? null : SharedWire.ToDto(cart.Context),
            Currency = cart.Currency,
            Discounts = SharedWire.Discounts(cart.DiscountCodes, cart.AppliedDiscounts, negotiation),
            Totals = Wire.Totals(cart.Totals),
            Messages = cart.Messages.Count == 0 ? null : cart.Messages.Select(Wire.Message).ToList(),
            Links = links.Count == 0 ? null : SharedWire.Links(links),
            ExpiresAt = SharedWire.Timestamp(cart.ExpiresAt),
        };
        return JsonSerializer.SerializeToUtf8Bytes(dto, Json.CartDto);
    }

    private static CartInput ToCartInput(CartRequestDto dto) => new()
    {
        Lines = SharedWire.ReadLines(dto.LineItems, complete: false)!,
        Buyer = dto.Buyer is null ? null : ToDomain(dto.Buyer),
        Context = dto.Context is null ? null : SharedWire.ToDomain(dto.Context),
        DiscountCodes = SharedWire.NoNullsOrNull(dto.Discounts?.Codes, "$.discounts.codes"),
    };
}
