namespace WixUcp.Catalog;

/// <summary>
/// One value of an option. <see cref="Exists"/>: some variant combines it with the other selections;
/// <see cref="Available"/>: such a variant can be bought now.
/// </summary>
/// <param name="Label">The value's label, for example <c>Large</c>.</param>
/// <param name="Exists">Whether some variant has this value together with the other selected options.</param>
/// <param name="Available">Whether such a variant can be bought now.</param>
internal sealed record ProductOptionValueDetail(string Label, bool Exists, bool Available);
