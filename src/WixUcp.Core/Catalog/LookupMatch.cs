namespace WixUcp.Catalog;

/// <summary>Which requested id a returned variant answers, and how (<c>exact</c> or <c>featured</c>).</summary>
/// <param name="InputId">The id as the platform requested it.</param>
/// <param name="Match"><c>exact</c> when the id is this variant's id or SKU; <c>featured</c> when it named the product and this variant was picked for it.</param>
internal sealed record LookupMatch(string InputId, string Match);
