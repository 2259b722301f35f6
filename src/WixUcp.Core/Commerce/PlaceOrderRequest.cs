using WixUcp.Checkout;

namespace WixUcp.Commerce;

/// <summary>A ready checkout, the instrument to charge and its credential.</summary>
public sealed record PlaceOrderRequest(CheckoutSession Checkout, PaymentInstrument Instrument, PaymentCredential Credential);
