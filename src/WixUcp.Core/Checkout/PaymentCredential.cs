namespace WixUcp.Checkout;

/// <summary>A payment credential (for example a handler token). Its <see cref="ToString"/> hides the secret.</summary>
public sealed record PaymentCredential(string Type, string? Token)
{
    public override string ToString() => $"PaymentCredential {{ Type = {Type}, Token = *** }}";
}
