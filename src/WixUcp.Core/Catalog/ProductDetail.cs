namespace WixUcp.Catalog;

/// <summary>A product for a detail page: the effective selection and the variant it picks first.</summary>
internal sealed record ProductDetail(CatalogProduct Product, IReadOnlyList<CatalogOptionValue> Selected, IReadOnlyList<ProductOptionDetail> Options);
