using WixUcp.Commerce;
using WixUcp.Negotiation;
using WixUcp.Tenancy;

namespace WixUcp.Checkout;

/// <summary>What the engine needs to know about the caller of one checkout operation.</summary>
/// <param name="BaseUrl">The absolute base URL of this server.</param>
/// <param name="Negotiation">The negotiated version and capabilities.</param>
/// <param name="Tenant">The store the call is for.</param>
/// <param name="PaymentHandlers">
/// The tenant's payment handlers, fetched once before the operation runs: the same list checks the instrument and is
/// written into the answer, and a backend failure fetching it stops the call before anything changes.
/// </param>
internal sealed record CheckoutRequestContext(Uri BaseUrl, NegotiationResult Negotiation, UcpTenant Tenant, IReadOnlyList<PaymentHandlerDescriptor> PaymentHandlers);
