namespace WixUcp.Versions.Shared;

/// <summary>
/// Where a version writes the shared documents differently: the sign of discount totals, whether <c>ucp</c> carries
/// <c>status</c>, the severity an unrecoverable error takes (2026-01-23 has no <c>unrecoverable</c>), and whether
/// payment handlers list their <c>available_instruments</c> (added in 2026-04-08).
/// </summary>
internal sealed record WireRules(bool SignedTotals, bool StatusInUcp, string UnrecoverableSeverity, bool AvailableInstruments)
{
    /// <summary>2026-04-08 and 2026-08-25.</summary>
    public static WireRules Signed { get; } = new(SignedTotals: true, StatusInUcp: true, UnrecoverableSeverity: "unrecoverable", AvailableInstruments: true);

    /// <summary>2026-01-23: every amount a magnitude, no <c>ucp.status</c>, the closest January severity, bare handlers.</summary>
    public static WireRules January { get; } = new(SignedTotals: false, StatusInUcp: false, UnrecoverableSeverity: "requires_buyer_review", AvailableInstruments: false);
}
