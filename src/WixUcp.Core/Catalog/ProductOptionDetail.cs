namespace WixUcp.Catalog;

/// <summary>An option of a detail product with per-value availability.</summary>
/// <param name="Name">The option's name, for example <c>Size</c>.</param>
/// <param name="Values">Every value the product's variants use for this option.</param>
internal sealed record ProductOptionDetail(string Name, IReadOnlyList<ProductOptionValueDetail> Values);
