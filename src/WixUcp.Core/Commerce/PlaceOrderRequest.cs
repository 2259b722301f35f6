using WixUcp.Checkout;
using WixUcp.Tenancy;

namespace WixUcp.Commerce;

/// <summary>A ready checkout, the instrument to charge and its credential.</summary>
public sealed record PlaceOrderRequest
{
    /// <summary>The store the checkout belongs to.</summary>
    public required UcpTenant Tenant { get; init; }

    /// <summary>The checkout, claimed for completion (status <c>complete_in_progress</c>).</summary>
    public required CheckoutSession Checkout { get; init; }

    /// <summary>The instrument to charge.</summary>
    public required PaymentInstrument Instrument { get; init; }

    /// <summary>The instrument's credential (a token); never stored.</summary>
    public required PaymentCredential Credential { get; init; }
}
