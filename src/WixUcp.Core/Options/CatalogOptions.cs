namespace WixUcp;

/// <summary>Limits of the catalog search and lookup operations.</summary>
public sealed class CatalogOptions
{
    /// <summary>Products per search page when the platform does not ask for a page size.</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>Most products one search page returns; larger requested page sizes are reduced to it.</summary>
    public int MaxPageSize { get; set; } = 50;

    /// <summary>Most ids one lookup may ask for (UCP asks for at least 10).</summary>
    public int MaxLookupIds { get; set; } = 50;
}
