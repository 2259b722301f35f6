namespace WixUcp.Commerce;

/// <summary>
/// One entry of a totals list, in integer minor units of the checkout currency.
/// Discounts are negative (the 2026-04-08 sign convention); a version codec translates for older versions.
/// </summary>
public sealed record Total(string Type, long Amount, string? DisplayText = null);
