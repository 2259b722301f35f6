namespace WixUcp;

public sealed class CatalogOptions
{
    public int DefaultPageSize { get; set; } = 10;

    public int MaxPageSize { get; set; } = 50;

    /// <summary>Most ids one lookup may ask for (UCP asks for at least 10).</summary>
    public int MaxLookupIds { get; set; } = 50;
}
