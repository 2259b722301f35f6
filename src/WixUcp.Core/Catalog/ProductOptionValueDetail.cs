namespace WixUcp.Catalog;

/// <summary>
/// One value of an option. <see cref="Exists"/>: some variant combines it with the other selections;
/// <see cref="Available"/>: such a variant can be bought now.
/// </summary>
internal sealed record ProductOptionValueDetail(string Label, bool Exists, bool Available);
