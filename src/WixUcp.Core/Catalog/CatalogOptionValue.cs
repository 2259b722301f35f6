namespace WixUcp.Catalog;

/// <summary>A chosen option of a variant, for example Size = Large.</summary>
/// <param name="Name">The option's name, for example <c>Size</c>. Matched case-insensitively.</param>
/// <param name="Label">The chosen value's label, for example <c>Large</c>. Matched case-insensitively.</param>
public sealed record CatalogOptionValue(string Name, string Label);
