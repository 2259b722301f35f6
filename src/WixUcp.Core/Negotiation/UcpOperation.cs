namespace WixUcp.Negotiation;

/// <summary>The kinds of shopping operation, each needing one root capability.</summary>
internal enum UcpOperation
{
    Checkout,
    Order,
    CatalogSearch,
    CatalogLookup,
    Cart,
}
