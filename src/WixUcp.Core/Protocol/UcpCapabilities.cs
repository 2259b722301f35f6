namespace WixUcp.Protocol;

/// <summary>Names of the UCP services and capabilities this server implements.</summary>
public static class UcpCapabilities
{
    /// <summary>The shopping service that hosts every capability below.</summary>
    public const string ShoppingService = "dev.ucp.shopping";

    /// <summary>Checkout sessions: create, update, complete and cancel a purchase.</summary>
    public const string Checkout = "dev.ucp.shopping.checkout";

    /// <summary>Checkout extension for shipping destinations and fulfillment options.</summary>
    public const string Fulfillment = "dev.ucp.shopping.fulfillment";

    /// <summary>Checkout extension for discount codes and applied discounts.</summary>
    public const string Discount = "dev.ucp.shopping.discount";

    /// <summary>Checkout extension carrying the buyer's privacy consent flags.</summary>
    public const string BuyerConsent = "dev.ucp.shopping.buyer_consent";

    /// <summary>Reading placed orders and their fulfillment.</summary>
    public const string Order = "dev.ucp.shopping.order";

    /// <summary>The cart capability (2026-04-08 and later).</summary>
    public const string Cart = "dev.ucp.shopping.cart";

    /// <summary>Searching the catalog by text and filters.</summary>
    public const string CatalogSearch = "dev.ucp.shopping.catalog.search";

    /// <summary>Looking up catalog products and variants by id.</summary>
    public const string CatalogLookup = "dev.ucp.shopping.catalog.lookup";
}
