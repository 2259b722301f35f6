using WixUcp.Protocol;

namespace WixUcp.Versions.V20260825;

/// <summary>
/// UCP 2026-08-25: the REST binding with protocol errors as 4xx bodies and no-resource outcomes as HTTP 200 error
/// responses; the profile publishes <c>keys</c>, consent is a map of purposes, destinations are typed, updates replace.
/// </summary>
internal sealed class UcpVersion20260825 : UcpProtocolVersion
{
    public override string Version => UcpVersions.V20260825;

    public override bool AnswersUpdatesDuringCompletion => true;

    public override IUcpCodec Codec { get; } = new Codec20260825();

    public override IReadOnlyList<CapabilityDefinition> Capabilities { get; } =
    [
        new(UcpCapabilities.Checkout, UcpVersions.V20260825, [], "specification/shopping/checkout", "schemas/shopping/checkout.json", CapabilityFamilies.Checkout),
        new(UcpCapabilities.Fulfillment, UcpVersions.V20260825, [UcpCapabilities.Checkout], "specification/shopping/fulfillment", "schemas/shopping/fulfillment.json", CapabilityFamilies.Checkout),
        new(UcpCapabilities.Discount, UcpVersions.V20260825, [UcpCapabilities.Checkout, UcpCapabilities.Cart], "specification/shopping/discount", "schemas/shopping/discount.json", CapabilityFamilies.Checkout),
        new(UcpCapabilities.BuyerConsent, UcpVersions.V20260825, [UcpCapabilities.Checkout], "specification/shopping/buyer-consent", "schemas/shopping/buyer_consent.json", CapabilityFamilies.Checkout),
        new(UcpCapabilities.Cart, UcpVersions.V20260825, [], "specification/shopping/cart", "schemas/shopping/cart.json", CapabilityFamilies.Cart),
        new(UcpCapabilities.Order, UcpVersions.V20260825, [], "specification/shopping/order", "schemas/shopping/order.json", CapabilityFamilies.Order),
        new(UcpCapabilities.CatalogSearch, UcpVersions.V20260825, [], "specification/shopping/catalog", "schemas/shopping/catalog_search.json", CapabilityFamilies.Catalog),
        new(UcpCapabilities.CatalogLookup, UcpVersions.V20260825, [], "specification/shopping/catalog", "schemas/shopping/catalog_lookup.json", CapabilityFamilies.Catalog),
    ];
}
