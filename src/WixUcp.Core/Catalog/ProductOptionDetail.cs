namespace WixUcp.Catalog;

/// <summary>An option of a detail product with per-value availability.</summary>
internal sealed record ProductOptionDetail(string Name, IReadOnlyList<ProductOptionValueDetail> Values);
