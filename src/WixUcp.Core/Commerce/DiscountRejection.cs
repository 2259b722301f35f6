namespace WixUcp.Commerce;

/// <summary>A discount code that did not apply, with the UCP warning code that says why.</summary>
public sealed record DiscountRejection
{
    /// <summary>The code as the platform sent it.</summary>
    public required string Code { get; init; }

    /// <summary>The code's position in the request's list (a code may appear twice).</summary>
    public required int Index { get; init; }

    /// <summary>The UCP warning code, for example <c>discount_code_invalid</c>.</summary>
    public required string ReasonCode { get; init; }

    /// <summary>Buyer-facing explanation.</summary>
    public required string Content { get; init; }
}
