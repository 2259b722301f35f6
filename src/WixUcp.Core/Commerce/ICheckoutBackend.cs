using WixUcp.Checkout;

namespace WixUcp.Commerce;

/// <summary>
/// The commerce facts behind a checkout: prices, stock, shipping rates, discounts, saved addresses and payment.
/// A backend may compute them locally (the sandbox) or delegate them to a remote checkout (Wix eCommerce);
/// the checkout engine owns the protocol around them (lifecycle, messages, negotiation, idempotency).
/// </summary>
public interface ICheckoutBackend
{
    /// <summary>The payment handlers this backend can process, as advertised in the profile.</summary>
    IReadOnlyList<PaymentHandlerDescriptor> PaymentHandlers { get; }

    /// <summary>Prices a checkout draft. Called on every create, update and complete.</summary>
    ValueTask<CommerceQuote> QuoteAsync(QuoteRequest request, CancellationToken cancellationToken);

    /// <summary>Addresses the store already knows for a buyer (empty when none).</summary>
    ValueTask<IReadOnlyList<SavedAddress>> FindSavedAddressesAsync(string buyerEmail, CancellationToken cancellationToken);

    /// <summary>
    /// Charges the instrument and places the order. Must be idempotent per checkout id: a repeated call for a checkout
    /// that already produced an order returns that order instead of charging again.
    /// </summary>
    ValueTask<PlaceOrderResult> PlaceOrderAsync(PlaceOrderRequest request, CancellationToken cancellationToken);
}
