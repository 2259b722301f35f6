namespace WixUcp.Commerce;

/// <summary>
/// One entry of a totals list, in integer minor units of the checkout currency.
/// Discounts are negative (the 2026-04-08 sign convention); a version codec translates for older versions.
/// </summary>
/// <param name="Type">What the amount is; usually one of <see cref="TotalTypes"/>.</param>
/// <param name="Amount">The amount in minor units, for example 1999 for USD 19.99; negative for discounts.</param>
/// <param name="DisplayText">Buyer-facing label, for example <c>Shipping (Express)</c>; null to let the platform choose.</param>
public sealed record Total(string Type, long Amount, string? DisplayText = null);
