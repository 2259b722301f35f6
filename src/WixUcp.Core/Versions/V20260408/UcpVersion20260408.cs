using WixUcp.Protocol;

namespace WixUcp.Versions.V20260408;

/// <summary>UCP 2026-04-08: the REST binding with protocol errors as 4xx bodies and no-resource outcomes as HTTP 200 error responses.</summary>
internal sealed class UcpVersion20260408 : UcpProtocolVersion
{
    public override string Version => UcpVersions.V20260408;

    public override IUcpCodec Codec { get; } = new Codec20260408();

    public override IReadOnlyList<CapabilityDefinition> Capabilities { get; } =
    [
        new(UcpCapabilities.Checkout, UcpVersions.V20260408, [], "specification/checkout", "schemas/shopping/checkout.json", CapabilityFamilies.Checkout),
        new(UcpCapabilities.Fulfillment, UcpVersions.V20260408, [UcpCapabilities.Checkout], "specification/fulfillment", "schemas/shopping/fulfillment.json", CapabilityFamilies.Checkout),
        new(UcpCapabilities.Discount, UcpVersions.V20260408, [UcpCapabilities.Checkout, UcpCapabilities.Cart], "specification/discount", "schemas/shopping/discount.json", CapabilityFamilies.Checkout),
        new(UcpCapabilities.BuyerConsent, UcpVersions.V20260408, [UcpCapabilities.Checkout], "specification/buyer-consent", "schemas/shopping/buyer_consent.json", CapabilityFamilies.Checkout),
        new(UcpCapabilities.Cart, UcpVersions.V20260408, [], "specification/cart", "schemas/shopping/cart.json", CapabilityFamilies.Cart),
        new(UcpCapabilities.Order, UcpVersions.V20260408, [], "specification/order", "schemas/shopping/order.json", CapabilityFamilies.Order),
        new(UcpCapabilities.CatalogSearch, UcpVersions.V20260408, [], "specification/catalog", "schemas/shopping/catalog_search.json", CapabilityFamilies.Catalog),
        new(UcpCapabilities.CatalogLookup, UcpVersions.V20260408, [], "specification/catalog", "schemas/shopping/catalog_lookup.json", CapabilityFamilies.Catalog),
    ];
}
