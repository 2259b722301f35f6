using WixUcp.FakeWix.Checkout;
using WixUcp.FakeWix.Orders;

namespace WixUcp.FakeWix;

/// <summary>One app instance (one Wix site with the app installed) and its store.</summary>
public sealed class FakeWixInstance
{
    /// <summary>App instance id (what client credentials name).</summary>
    public required string InstanceId { get; init; }

    /// <summary>Site id (what API-key calls send as <c>wix-site-id</c>).</summary>
    public required string SiteId { get; init; }

    /// <summary>Site display name.</summary>
    public required string SiteDisplayName { get; init; }

    /// <summary>Site payment currency (ISO 4217).</summary>
    public required string Currency { get; init; }

    /// <summary><c>V1_CATALOG</c>, <c>V3_CATALOG</c> or <c>STORES_NOT_INSTALLED</c>.</summary>
    public required string CatalogVersion { get; set; }

    /// <summary>Site locale.</summary>
    public string Locale { get; init; } = "en";

    /// <summary>Public site URL.</summary>
    public required Uri SiteUrl { get; init; }

    /// <summary>Whether the app is installed (AppRemoved clears it; tokens are then refused).</summary>
    public bool Installed { get; set; } = true;

    /// <summary>Products in catalog order.</summary>
    public List<FakeWixProduct> Products { get; } = [];

    /// <summary>Coupons by code.</summary>
    public List<FakeWixCoupon> Coupons { get; } = [];

    /// <summary>Shipping options with the countries they ship to.</summary>
    public List<FakeWixShippingOption> ShippingOptions { get; } = [];

    /// <summary>Tax rates by destination country (0.08 is 8%); a country not listed is not taxed.</summary>
    public Dictionary<string, decimal> TaxRates { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether prices already include tax (Wix's <c>taxIncludedInPrice</c>): the total then does not add it.</summary>
    public bool TaxIncludedInPrice { get; set; }

    /// <summary>Destination countries whose tax calculation fails (<c>calculationErrors.taxCalculationError</c>).</summary>
    public HashSet<string> TaxFailsFor { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, CheckoutRecord> Checkouts { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, OrderRecord> Orders { get; } = new(StringComparer.Ordinal);

    internal int NextOrderNumber { get; set; } = 10001;

    internal bool IsV3 => CatalogVersion == "V3_CATALOG";

    internal FakeWixProduct? Product(string? id) => Products.Find(p => p.Id == id);
}
