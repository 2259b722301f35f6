namespace WixUcp.Commerce;

/// <summary>
/// One entry of a totals list, in integer minor units of the checkout currency. Amounts are signed by their effect on
/// the grand total, so discounts are negative. The wire sign is each version's codec's decision: 2026-04-08 writes
/// amounts as they are; 2026-01-23 (amounts never negative) writes magnitudes.
/// </summary>
/// <param name="Type">What the amount is; usually one of <see cref="TotalTypes"/>.</param>
/// <param name="Amount">The amount in minor units, for example 1999 for USD 19.99; negative for discounts.</param>
/// <param name="DisplayText">Buyer-facing label, for example <c>Shipping (Express)</c>; null to let the platform choose.</param>
public sealed record Total(string Type, long Amount, string? DisplayText = null);
