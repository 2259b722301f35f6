namespace WixUcp.Commerce;

/// <summary>A discount code that did not apply, with the UCP warning code that says why.</summary>
public sealed record DiscountRejection(string Code, string ReasonCode, string Content);
