using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using WixUcp.Carts;
using WixUcp.Commerce;
using WixUcp.Negotiation;

namespace WixUcp.Versions.Shared;

// Carts as 2026-04-08 and 2026-08-25 shape them; each version brings its buyer and how it maps.
internal sealed partial class SharedWire
{
    public CartInput ReadCart<TBuyer>(ReadOnlySpan<byte> body, JsonTypeInfo<CartRequestDto<TBuyer>> typeInfo, string operation, Func<TBuyer, Buyer> buyer)
        where TBuyer : class
    {
        var dto = Read(body, typeInfo, operation);
        return new CartInput
        {
            Lines = ReadLines(dto.LineItems, complete: false)!,
            Buyer = dto.Buyer is null ? null : buyer(dto.Buyer),
            Context = dto.Context is null ? null : ToDomain(dto.Context),
            DiscountCodes = NoNullsOrNull(dto.Discounts?.Codes, "$.discounts.codes"),
        };
    }

    public byte[] WriteCart<TBuyer>(Cart cart, NegotiationResult negotiation, IReadOnlyDictionary<string, Uri> links, Func<Buyer, TBuyer> buyer, JsonTypeInfo<CartDto<TBuyer>> typeInfo)
        where TBuyer : class
    {
        var dto = new CartDto<TBuyer>
        {
            Ucp = Meta(negotiation, handlers: null),
            Id = cart.Id,
            LineItems = LineItems(cart.Lines),
            Buyer = cart.Buyer is null ? null : buyer(cart.Buyer),
            Context = cart.Context is null ? null : ToDto(cart.Context),
            Currency = cart.Currency,
            Discounts = Discounts(cart.DiscountCodes, cart.AppliedDiscounts, negotiation),
            Totals = Totals(cart.Totals),
            Messages = cart.Messages.Count == 0 ? null : cart.Messages.Select(Message).ToList(),
            Links = links.Count == 0 ? null : Links(links),
            ExpiresAt = Timestamp(cart.ExpiresAt),
        };
        return JsonSerializer.SerializeToUtf8Bytes(dto, typeInfo);
    }
}
