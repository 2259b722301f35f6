namespace WixUcp.Catalog;

/// <summary>A chosen option of a variant, for example Size = Large.</summary>
public sealed record CatalogOptionValue(string Name, string Label);
