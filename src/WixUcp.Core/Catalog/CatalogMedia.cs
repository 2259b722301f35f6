namespace WixUcp.Catalog;

public sealed record CatalogMedia(string Type, Uri Url, string? AltText = null);
