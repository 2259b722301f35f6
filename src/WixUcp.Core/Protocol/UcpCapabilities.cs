namespace WixUcp.Protocol;

/// <summary>Names of the UCP services and capabilities this server implements.</summary>
public static class UcpCapabilities
{
    public const string ShoppingService = "dev.ucp.shopping";
    public const string Checkout = "dev.ucp.shopping.checkout";
    public const string Fulfillment = "dev.ucp.shopping.fulfillment";
    public const string Discount = "dev.ucp.shopping.discount";
    public const string BuyerConsent = "dev.ucp.shopping.buyer_consent";
    public const string Order = "dev.ucp.shopping.order";
    public const string CatalogSearch = "dev.ucp.shopping.catalog.search";
    public const string CatalogLookup = "dev.ucp.shopping.catalog.lookup";
}
