namespace WixUcp.Checkout;

/// <summary>A payment credential (for example a handler token). Its <see cref="ToString"/> hides the secret.</summary>
/// <param name="Type">The credential kind, as the payment handler defines it (for example <c>token</c>).</param>
/// <param name="Token">The secret the payment handler issued for this payment; never stored, echoed or logged.</param>
public sealed record PaymentCredential(string Type, string? Token)
{
    /// <summary>Describes the credential with the token masked, so it is safe to log.</summary>
    /// <returns>The type and a masked token.</returns>
    public override string ToString() => $"PaymentCredential {{ Type = {Type}, Token = *** }}";
}
