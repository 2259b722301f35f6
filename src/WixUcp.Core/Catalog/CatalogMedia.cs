namespace WixUcp.Catalog;

/// <summary>A picture or other media file shown for a product or variant.</summary>
/// <param name="Type">The kind of media, for example <c>image</c> or <c>video</c>.</param>
/// <param name="Url">Absolute URL of the media file.</param>
/// <param name="AltText">Text describing the media for buyers who cannot see it; null when none is known.</param>
public sealed record CatalogMedia(string Type, Uri Url, string? AltText = null);
