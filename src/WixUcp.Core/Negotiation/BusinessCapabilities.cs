using WixUcp.Protocol;

namespace WixUcp.Negotiation;

/// <summary>The capabilities this server offers, shared by the profile and by negotiation.</summary>
internal static class BusinessCapabilities
{
    public static IReadOnlyList<CapabilityDefinition> All { get; } =
    [
        new(UcpCapabilities.Checkout, UcpVersions.Current, [], "specification/checkout", "schemas/shopping/checkout.json"),
        new(UcpCapabilities.Fulfillment, UcpVersions.Current, [UcpCapabilities.Checkout], "specification/fulfillment", "schemas/shopping/fulfillment.json"),
        new(UcpCapabilities.Discount, UcpVersions.Current, [UcpCapabilities.Checkout], "specification/discount", "schemas/shopping/discount.json"),
        new(UcpCapabilities.BuyerConsent, UcpVersions.Current, [UcpCapabilities.Checkout], "specification/buyer-consent", "schemas/shopping/buyer_consent.json"),
        new(UcpCapabilities.Order, UcpVersions.Current, [], "specification/order", "schemas/shopping/order.json"),
        new(UcpCapabilities.CatalogSearch, UcpVersions.Current, [], "specification/catalog", "schemas/shopping/catalog_search.json"),
        new(UcpCapabilities.CatalogLookup, UcpVersions.Current, [], "specification/catalog", "schemas/shopping/catalog_lookup.json"),
    ];

    /// <summary>The root capability an operation needs.</summary>
    public static string RootFor(UcpOperation operation) => operation switch
    {
        UcpOperation.Checkout => UcpCapabilities.Checkout,
        UcpOperation.Order => UcpCapabilities.Order,
        UcpOperation.CatalogSearch => UcpCapabilities.CatalogSearch,
        UcpOperation.CatalogLookup => UcpCapabilities.CatalogLookup,
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };
}
