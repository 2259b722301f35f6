namespace WixUcp;

/// <summary>Settings of a WixUcp merchant server. Bound from the <c>WixUcp</c> configuration section by the hosts.</summary>
public sealed class WixUcpOptions
{
    /// <summary>
    /// The absolute URL clients reach this server at (scheme, host, optional path base). When null, it is taken from
    /// each request, which is right only when forwarded headers are configured behind a proxy.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// The buyer-facing store where checkouts continue and orders are shown. When null, <see cref="PublicBaseUrl"/> is used.
    /// </summary>
    public Uri? StorefrontUrl { get; set; }

    /// <summary>Store policy links returned on every checkout (terms of service and privacy policy at least).</summary>
    public IDictionary<string, Uri> Links { get; } = new Dictionary<string, Uri>(StringComparer.Ordinal);

    /// <summary>The protocol version presented at <c>/.well-known/ucp</c>; the older ones are served beside it.</summary>
    public ProtocolOptions Protocol { get; } = new();

    /// <summary>Checkout session limits and rules.</summary>
    public CheckoutOptions Checkout { get; } = new();

    /// <summary>Catalog search and lookup limits.</summary>
    public CatalogOptions Catalog { get; } = new();

    /// <summary>Fetching and caching of platform profiles for capability negotiation.</summary>
    public NegotiationOptions Negotiation { get; } = new();

    /// <summary>Idempotency-key handling of state-changing calls.</summary>
    public IdempotencyOptions Idempotency { get; } = new();

    /// <summary>The business's signing keys.</summary>
    public SigningOptions Signing { get; } = new();

    /// <summary>How platforms authenticate.</summary>
    public AuthOptions Auth { get; } = new();

    /// <summary>Bounds every request document must keep.</summary>
    public RequestLimitOptions Limits { get; } = new();

    /// <summary>Bounds of the in-memory stores of the embedded default.</summary>
    public MemoryStoreOptions Memory { get; } = new();

    /// <summary>Rate limits per operation class and client.</summary>
    public RateLimitOptions RateLimits { get; } = new();

    /// <summary>Delivery of order webhooks.</summary>
    public WebhookOptions Webhooks { get; } = new();

    /// <summary>Sandbox simulation of order events (off unless its secret is set).</summary>
    public SimulationOptions Simulation { get; } = new();

    /// <summary>How the Wix backend reaches Wix (<c>WixUcp:Wix</c>), when it is the backend.</summary>
    public WixUcp.Wix.WixOptions Wix { get; } = new();

    /// <summary>Largest request body accepted, in bytes; larger ones get 413.</summary>
    public int MaxRequestBytes { get; set; } = 1024 * 1024;
}
