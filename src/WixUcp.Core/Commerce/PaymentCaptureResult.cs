namespace WixUcp.Commerce;

/// <summary>The answer of <see cref="IPaymentCapture.CaptureAsync"/>.</summary>
public sealed record PaymentCaptureResult
{
    /// <summary>Whether the money was taken.</summary>
    public required bool Captured { get; init; }

    /// <summary>The processor's reference of the capture (recorded with the store's order), when captured.</summary>
    public string? TransactionId { get; init; }

    /// <summary>The processor's name of the payment method (for example <c>card</c>), when captured.</summary>
    public string? PaymentMethod { get; init; }

    /// <summary>Buyer-facing reason, when not captured.</summary>
    public string? Message { get; init; }

    /// <summary>A capture.</summary>
    /// <param name="transactionId">The processor's reference.</param>
    /// <param name="paymentMethod">The method's name.</param>
    /// <returns>A captured result.</returns>
    public static PaymentCaptureResult Success(string transactionId, string paymentMethod) =>
        new() { Captured = true, TransactionId = transactionId, PaymentMethod = paymentMethod };

    /// <summary>A decline: nothing was taken.</summary>
    /// <param name="message">Buyer-facing reason.</param>
    /// <returns>A declined result.</returns>
    public static PaymentCaptureResult Declined(string message) => new() { Captured = false, Message = message };
}
