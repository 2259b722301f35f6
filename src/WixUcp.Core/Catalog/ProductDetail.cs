namespace WixUcp.Catalog;

/// <summary>A product for a detail page: the effective selection and the variant it picks first.</summary>
/// <param name="Product">The product with all its variants; the first variant is the one the selection picks.</param>
/// <param name="Selected">The option selection in effect after dropping choices no variant could satisfy.</param>
/// <param name="Options">Every option of the product with the availability of each value under <paramref name="Selected"/>.</param>
internal sealed record ProductDetail(CatalogProduct Product, IReadOnlyList<CatalogOptionValue> Selected, IReadOnlyList<ProductOptionDetail> Options);
