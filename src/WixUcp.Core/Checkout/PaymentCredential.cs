namespace WixUcp.Checkout;

/// <summary>A payment credential (for example a handler token). Its <see cref="ToString"/> hides the secret.</summary>
public sealed record PaymentCredential
{
    /// <summary>The credential kind, as the payment handler defines it (for example <c>token</c>).</summary>
    public required string Type { get; init; }

    /// <summary>The secret the payment handler issued for this payment; never stored, echoed or logged.</summary>
    public string? Token { get; init; }

    /// <summary>Describes the credential with the token masked, so it is safe to log.</summary>
    /// <returns>The type and a masked token.</returns>
    public override string ToString() => $"PaymentCredential {{ Type = {Type}, Token = *** }}";
}
