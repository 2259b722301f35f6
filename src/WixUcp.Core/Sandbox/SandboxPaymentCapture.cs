using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using WixUcp.Commerce;

namespace WixUcp.Sandbox;

/// <summary>
/// The sandbox's test tokens as a payment processor outside the store (<see cref="IPaymentCapture"/>): <c>success_token</c>
/// captures, <c>fail_token</c> declines, anything else is not recognised. No money moves; it lets a backend that
/// captures outside the store (Wix) be tried and tested end to end. Never register it where real orders are taken.
/// </summary>
internal sealed class SandboxPaymentCapture(IOptions<SandboxOptions> options) : IPaymentCapture
{
    public PaymentHandlerDescriptor Handler { get; } = new() { Name = options.Value.PaymentHandlerName, Id = options.Value.PaymentHandlerId, InstrumentTypes = ["card"] };

    public ValueTask<PaymentCaptureResult> CaptureAsync(PaymentCaptureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The same key always names the same capture: a retried completion cannot capture twice.
        var transaction = "sbx_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.IdempotencyKey)))[..24];
        return ValueTask.FromResult(request.Credential.Token switch
        {
            SandboxTokens.Success => PaymentCaptureResult.Success(transaction, "card"),
            SandboxTokens.Decline => PaymentCaptureResult.Declined("The card was declined."),
            _ => PaymentCaptureResult.Declined("The payment token was not recognised."),
        });
    }
}
