using WixUcp.Negotiation;

namespace WixUcp.Checkout;

/// <summary>What the engine needs to know about the caller of one checkout operation.</summary>
/// <param name="BaseUrl">The absolute base URL of this server as the client reached it.</param>
/// <param name="Negotiation">The negotiated version and capabilities.</param>
internal sealed record CheckoutRequestContext(Uri BaseUrl, NegotiationResult Negotiation);
