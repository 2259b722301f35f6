namespace WixUcp.Authentication;

/// <summary>The permissions a platform's credential may carry, one per kind of operation.</summary>
public static class UcpPermissions
{
    /// <summary>Read a checkout session.</summary>
    public const string CheckoutRead = "checkout:read";

    /// <summary>Create, update, complete or cancel a checkout session.</summary>
    public const string CheckoutWrite = "checkout:write";

    /// <summary>Search and look up the catalog.</summary>
    public const string ProductsRead = "products:read";

    /// <summary>Read an order.</summary>
    public const string OrdersRead = "orders:read";

    /// <summary>Register for order webhooks.</summary>
    public const string OrdersWebhooks = "orders:webhooks";

    /// <summary>Every permission.</summary>
    public static IReadOnlyList<string> All { get; } = [CheckoutRead, CheckoutWrite, ProductsRead, OrdersRead, OrdersWebhooks];
}
