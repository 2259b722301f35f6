using WixUcp.Catalog;
using WixUcp.Checkout;
using WixUcp.Commerce;
using WixUcp.Messages;
using WixUcp.Negotiation;
using WixUcp.Orders;

namespace WixUcp.Codec;

/// <summary>
/// Translates one protocol version's wire format to and from the version-neutral domain. Readers throw
/// <see cref="Protocol.UcpRequestException"/> for bodies they cannot accept; writers return the exact response bytes.
/// </summary>
internal interface IUcpCodec
{
    string Version { get; }

    CheckoutInput ReadCheckoutCreate(ReadOnlySpan<byte> body);

    CheckoutInput ReadCheckoutUpdate(ReadOnlySpan<byte> body);

    CheckoutInput ReadCheckoutComplete(ReadOnlySpan<byte> body);

    CatalogSearchInput ReadCatalogSearch(ReadOnlySpan<byte> body);

    IReadOnlyList<string> ReadCatalogLookup(ReadOnlySpan<byte> body);

    ProductInput ReadGetProduct(ReadOnlySpan<byte> body);

    byte[] WriteCheckout(CheckoutSession session, NegotiationResult negotiation, IReadOnlyList<PaymentHandlerDescriptor> handlers, IReadOnlyDictionary<string, Uri> links);

    byte[] WriteOrder(Order order, NegotiationResult negotiation);

    byte[] WriteCatalogSearch(CatalogSearchResult result, NegotiationResult negotiation);

    byte[] WriteCatalogLookup(CatalogLookupResult result, NegotiationResult negotiation);

    byte[] WriteProduct(ProductDetail detail, NegotiationResult negotiation);

    /// <summary>A business outcome with no resource: HTTP 200, <c>ucp.status = error</c>.</summary>
    byte[] WriteErrorResponse(IReadOnlyList<UcpMessage> messages, Uri? continueUrl);

    byte[] WriteProfile(Uri restEndpoint, IReadOnlyList<PaymentHandlerDescriptor> handlers);
}
