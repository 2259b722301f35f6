using System.Text.Json;
using WixUcp.Catalog;
using WixUcp.Checkout;
using WixUcp.Commerce;
using WixUcp.Messages;
using WixUcp.Negotiation;
using WixUcp.Operations;
using WixUcp.Orders;
using WixUcp.Signatures;

namespace WixUcp.Versions.Shared;

/// <summary>
/// A codec whose catalog, order and error documents are the shared ones (<see cref="SharedWire"/>): a version derives
/// from it and writes only what it shapes its own way (checkout and profile).
/// </summary>
internal abstract class SharedWireCodec : IUcpCodec
{
    /// <summary>Fresh options for a version's own source-generated context, escaping as the shared documents do.</summary>
    protected static JsonSerializerOptions RelaxedOptions => new(SharedWire.Relaxed);

    /// <param name="version">The version this codec speaks.</param>
    /// <param name="checkoutSchemas">Its own request schemas (checkout), kept beside the shared ones.</param>
    /// <param name="rules">Where it writes the shared documents differently.</param>
    protected SharedWireCodec(string version, IReadOnlyDictionary<string, RequestSchema> checkoutSchemas, WireRules? rules = null)
    {
        Version = version;
        Wire = new SharedWire(version, checkoutSchemas, rules);
    }

    public string Version { get; }

    public IReadOnlyDictionary<string, RequestSchema> RequestSchemas => Wire.RequestSchemas;

    protected SharedWire Wire { get; }

    public string? RenderPath(MessageTarget? target) => SharedWire.RenderPath(target);

    public byte[] WriteErrorResponse(IReadOnlyList<UcpMessage> messages, Uri? continueUrl) => Wire.WriteErrorResponse(messages, continueUrl);

    public CatalogSearchInput ReadCatalogSearch(ReadOnlySpan<byte> body) => Wire.ReadCatalogSearch(body);

    public IReadOnlyList<string> ReadCatalogLookup(ReadOnlySpan<byte> body) => Wire.ReadCatalogLookup(body);

    public ProductInput ReadGetProduct(ReadOnlySpan<byte> body) => Wire.ReadGetProduct(body);

    public OrderHistoryInput ReadOrderUpdate(ReadOnlySpan<byte> body) => Wire.ReadOrderUpdate(body);

    public byte[] WriteOrder(Order order, NegotiationResult negotiation) => Wire.WriteOrder(order, negotiation);

    public virtual byte[] WriteOrderEvent(Order order, NegotiationResult negotiation, string eventId, DateTimeOffset createdAt) => WriteOrder(order, negotiation);

    public byte[] WriteCatalogSearch(CatalogSearchResult result, NegotiationResult negotiation) => Wire.WriteCatalogSearch(result, negotiation);

    public byte[] WriteCatalogLookup(CatalogLookupResult result, NegotiationResult negotiation) => Wire.WriteCatalogLookup(result, negotiation);

    public byte[] WriteProduct(ProductDetail detail, NegotiationResult negotiation) => Wire.WriteProduct(detail, negotiation);

    public abstract Carts.CartInput ReadCartCreate(ReadOnlySpan<byte> body);

    public abstract Carts.CartInput ReadCartUpdate(ReadOnlySpan<byte> body);

    public abstract byte[] WriteCart(Carts.Cart cart, NegotiationResult negotiation, IReadOnlyDictionary<string, Uri> links);

    public abstract CheckoutInput ReadCheckoutCreate(ReadOnlySpan<byte> body);

    public abstract CheckoutInput ReadCheckoutUpdate(ReadOnlySpan<byte> body);

    public abstract CheckoutInput ReadCheckoutComplete(ReadOnlySpan<byte> body);

    public abstract byte[] WriteCheckout(CheckoutSession session, NegotiationResult negotiation, IReadOnlyList<PaymentHandlerDescriptor> handlers, IReadOnlyDictionary<string, Uri> links);

    public abstract byte[] WriteProfile(UcpServiceEndpoints endpoints, IReadOnlyList<CapabilityDefinition> capabilities, IReadOnlyList<PaymentHandlerDescriptor> handlers, IReadOnlyDictionary<string, Uri> supportedVersions, IReadOnlyList<PublicSigningKey> signingKeys);
}
