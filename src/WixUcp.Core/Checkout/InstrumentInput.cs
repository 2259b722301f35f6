namespace WixUcp.Checkout;

/// <summary>A payment instrument with the credential that came with it (never stored).</summary>
internal sealed record InstrumentInput(PaymentInstrument Instrument, PaymentCredential? Credential);
