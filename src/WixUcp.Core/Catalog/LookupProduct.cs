namespace WixUcp.Catalog;

/// <summary>A product returned by lookup; every variant carries the inputs it answers.</summary>
internal sealed record LookupProduct(CatalogProduct Product, IReadOnlyDictionary<string, IReadOnlyList<LookupMatch>> InputsByVariant);
