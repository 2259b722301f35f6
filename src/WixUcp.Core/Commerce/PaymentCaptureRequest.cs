using WixUcp.Checkout;
using WixUcp.Tenancy;

namespace WixUcp.Commerce;

/// <summary>A capture of one checkout's total through an <see cref="IPaymentCapture"/>.</summary>
public sealed record PaymentCaptureRequest
{
    /// <summary>The store.</summary>
    public required UcpTenant Tenant { get; init; }

    /// <summary>Stable per checkout and order, so a retried completion cannot capture twice.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The amount in minor units of <see cref="Currency"/>.</summary>
    public required long Amount { get; init; }

    /// <summary>ISO 4217 currency.</summary>
    public required string Currency { get; init; }

    /// <summary>The instrument the platform chose.</summary>
    public required PaymentInstrument Instrument { get; init; }

    /// <summary>Its credential (a token); never stored or logged.</summary>
    public required PaymentCredential Credential { get; init; }
}
