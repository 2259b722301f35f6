namespace WixUcp.Catalog;

/// <summary>A get-product request: a product or variant id, option selections and which options matter most.</summary>
internal sealed record ProductInput(string Id, IReadOnlyList<CatalogOptionValue> Selected, IReadOnlyList<string> Preferences);
