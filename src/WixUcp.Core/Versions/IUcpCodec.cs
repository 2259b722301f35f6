using WixUcp.Operations;
using WixUcp.Catalog;
using WixUcp.Checkout;
using WixUcp.Commerce;
using WixUcp.Messages;
using WixUcp.Negotiation;
using WixUcp.Orders;
using WixUcp.Signatures;

namespace WixUcp.Versions;

/// <summary>
/// Translates one protocol version's wire format to and from the version-neutral domain. Readers throw
/// <see cref="Protocol.UcpRequestException"/> for bodies they cannot accept; writers return the exact response bytes.
/// The codec owns every wire fact: member names, JSONPaths, signs of amounts, the versions it stamps.
/// </summary>
internal interface IUcpCodec
{
    string Version { get; }

    /// <summary>
    /// The request schema of each operation that reads a body, keyed by <see cref="RequestSchemaNames"/>; built when the
    /// codec is, at start-up. Readers validate against them; the MCP transport serves them as tool input schemas.
    /// </summary>
    IReadOnlyDictionary<string, RequestSchema> RequestSchemas { get; }

    CheckoutInput ReadCheckoutCreate(ReadOnlySpan<byte> body);

    CheckoutInput ReadCheckoutUpdate(ReadOnlySpan<byte> body);

    CheckoutInput ReadCheckoutComplete(ReadOnlySpan<byte> body);

    Carts.CartInput ReadCartCreate(ReadOnlySpan<byte> body);

    Carts.CartInput ReadCartUpdate(ReadOnlySpan<byte> body);

    byte[] WriteCart(Carts.Cart cart, NegotiationResult negotiation, IReadOnlyDictionary<string, Uri> links);

    CatalogSearchInput ReadCatalogSearch(ReadOnlySpan<byte> body);

    IReadOnlyList<string> ReadCatalogLookup(ReadOnlySpan<byte> body);

    ProductInput ReadGetProduct(ReadOnlySpan<byte> body);

    /// <summary>The fulfillment events and adjustments of an order snapshot (sandbox simulation); 422 when they are not valid.</summary>
    OrderHistoryInput ReadOrderUpdate(ReadOnlySpan<byte> body);

    /// <summary>The JSONPath this version uses for a message target.</summary>
    string? RenderPath(MessageTarget? target);

    byte[] WriteCheckout(CheckoutSession session, NegotiationResult negotiation, IReadOnlyList<PaymentHandlerDescriptor> handlers, IReadOnlyDictionary<string, Uri> links);

    byte[] WriteOrder(Order order, NegotiationResult negotiation);

    /// <summary>The body of an order webhook: the order, plus what the version adds to an event (January: its id and time).</summary>
    byte[] WriteOrderEvent(Order order, NegotiationResult negotiation, string eventId, DateTimeOffset createdAt);

    byte[] WriteCatalogSearch(CatalogSearchResult result, NegotiationResult negotiation);

    byte[] WriteCatalogLookup(CatalogLookupResult result, NegotiationResult negotiation);

    byte[] WriteProduct(ProductDetail detail, NegotiationResult negotiation);

    /// <summary>A business outcome with no resource: <c>ucp.status = error</c> with messages.</summary>
    byte[] WriteErrorResponse(IReadOnlyList<UcpMessage> messages, Uri? continueUrl);

    /// <summary>The business profile of this version.</summary>
    /// <param name="endpoints">The shopping service's bindings (REST, and MCP when served).</param>
    /// <param name="capabilities">The capabilities offered in this version.</param>
    /// <param name="handlers">The payment handlers of the tenant.</param>
    /// <param name="supportedVersions">Older versions this business also serves, each with its profile URL.</param>
    /// <param name="signingKeys">The business's published public signing keys.</param>
    byte[] WriteProfile(UcpServiceEndpoints endpoints, IReadOnlyList<CapabilityDefinition> capabilities, IReadOnlyList<PaymentHandlerDescriptor> handlers, IReadOnlyDictionary<string, Uri> supportedVersions, IReadOnlyList<PublicSigningKey> signingKeys);
}
