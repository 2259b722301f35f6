namespace WixUcp.Versions;

/// <summary>The operations that read a request body, named as UCP names them (and as MCP tools are named).</summary>
internal static class RequestSchemaNames
{
    public const string CreateCheckout = "create_checkout";
    public const string UpdateCheckout = "update_checkout";
    public const string CompleteCheckout = "complete_checkout";
    public const string SearchCatalog = "search_catalog";
    public const string LookupCatalog = "lookup_catalog";
    public const string GetProduct = "get_product";
    public const string UpdateOrder = "update_order";
    public const string CreateCart = "create_cart";
    public const string UpdateCart = "update_cart";
}
