namespace WixUcp.Versions;

/// <summary>The groups of capabilities an operation draws on; tolerant negotiation fills in a family a platform left out.</summary>
internal static class CapabilityFamilies
{
    public const string Checkout = "checkout";
    public const string Order = "order";
    public const string Catalog = "catalog";

    public const string Cart = "cart";
}
