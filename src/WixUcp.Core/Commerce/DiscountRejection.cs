namespace WixUcp.Commerce;

/// <summary>A discount code that did not apply, with the UCP warning code that says why.</summary>
/// <param name="Index">The code's position in the request's list (a code may appear twice).</param>
public sealed record DiscountRejection(string Code, int Index, string ReasonCode, string Content);
