namespace WixUcp.Wix;

/// <summary>The Stores catalog a site runs; permanent per site, so detected once.</summary>
internal enum WixCatalogDialect
{
    /// <summary>Stores Catalog V1 (<c>/stores/v1</c>; numbers for prices, JSON-string filters, offset paging).</summary>
    V1,

    /// <summary>Stores Catalog V3 (<c>/stores/v3</c>; decimal strings, object filters, cursor paging).</summary>
    V3,
}
