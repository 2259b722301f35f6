namespace WixUcp.Catalog;

/// <summary>A product returned by lookup; every variant carries the inputs it answers.</summary>
/// <param name="Product">The product, trimmed to the variants that answer a requested id.</param>
/// <param name="InputsByVariant">For each returned variant id, the requested ids it answers.</param>
internal sealed record LookupProduct(CatalogProduct Product, IReadOnlyDictionary<string, IReadOnlyList<LookupMatch>> InputsByVariant);
