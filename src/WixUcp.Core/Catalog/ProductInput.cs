namespace WixUcp.Catalog;

/// <summary>A get-product request: a product or variant id, option selections and which options matter most.</summary>
/// <param name="Id">A product id, variant id, handle or SKU.</param>
/// <param name="Selected">Option values the buyer chose; may be empty.</param>
/// <param name="Preferences">Option names, most important first; the least important selections are dropped first when no variant matches them all.</param>
internal sealed record ProductInput(string Id, IReadOnlyList<CatalogOptionValue> Selected, IReadOnlyList<string> Preferences);
