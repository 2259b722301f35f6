namespace WixUcp.Versions.V20260825;

/// <summary>The well-known consent purposes of 2026-08-25 this business advertises (one per domain decision).</summary>
internal static class ConsentPurposes
{
    public const string Analytics = "dev.ucp.consent.analytics";
    public const string Preferences = "dev.ucp.consent.preferences";
    public const string Marketing = "dev.ucp.consent.marketing";
    public const string SaleOrSharing = "dev.ucp.consent.sale_or_sharing";
}
