namespace WixUcp.Catalog;

/// <summary>A search request decoded from any protocol version.</summary>
internal sealed record CatalogSearchInput
{
    /// <summary>Free-text query; null or blank when only filters are given.</summary>
    public string? Text { get; init; }

    /// <summary>Category filter; any of these categories matches (OR).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Lowest variant price to include, in minor units; null for no lower bound.</summary>
    public long? MinPrice { get; init; }

    /// <summary>Highest variant price to include, in minor units; null for no upper bound.</summary>
    public long? MaxPrice { get; init; }

    /// <summary>Opaque cursor from a previous result's next cursor; null for the first page.</summary>
    public string? Cursor { get; init; }

    /// <summary>Requested page size; null for the configured default. Capped by <see cref="CatalogOptions.MaxPageSize"/>.</summary>
    public int? Limit { get; init; }
}
