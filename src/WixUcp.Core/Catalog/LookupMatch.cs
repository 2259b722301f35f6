namespace WixUcp.Catalog;

/// <summary>Which requested id a returned variant answers, and how (<c>exact</c> or <c>featured</c>).</summary>
internal sealed record LookupMatch(string InputId, string Match);
