namespace WixUcp.Commerce;

/// <summary>
/// A payment handler whose processor takes the buyer's money outside the store's own checkout (a platform's or the
/// merchant's payment service provider). Backends that cannot charge an instrument themselves (Wix) place the order,
/// capture through this, and record the payment with the store.
/// </summary>
public interface IPaymentCapture
{
    /// <summary>The handler as the business profile advertises it; instruments name it by <see cref="PaymentHandlerDescriptor.Id"/>.</summary>
    PaymentHandlerDescriptor Handler { get; }

    /// <summary>
    /// Captures <see cref="PaymentCaptureRequest.Amount"/>. Must be idempotent per <see cref="PaymentCaptureRequest.IdempotencyKey"/>:
    /// a repeated call answers the first capture instead of charging again.
    /// </summary>
    /// <param name="request">What to capture, with the instrument's credential.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What happened.</returns>
    ValueTask<PaymentCaptureResult> CaptureAsync(PaymentCaptureRequest request, CancellationToken cancellationToken);
}
