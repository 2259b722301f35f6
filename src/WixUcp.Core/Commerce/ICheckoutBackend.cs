using WixUcp.Tenancy;

namespace WixUcp.Commerce;

/// <summary>
/// The commerce facts behind a checkout: prices, stock, shipping rates, discounts, saved addresses and payment.
/// A backend may compute them locally (the sandbox) or delegate them to a remote checkout (Wix eCommerce);
/// the checkout engine owns the protocol around them (lifecycle, messages, negotiation, idempotency). Every call names
/// the tenant, because one deployment may serve many stores.
/// </summary>
public interface ICheckoutBackend
{
    /// <summary>The payment handlers the tenant's store can process, as advertised in the profile and checked on complete.</summary>
    /// <param name="tenant">The store.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The handlers; the codec stamps protocol versions where a handler has none.</returns>
    ValueTask<IReadOnlyList<PaymentHandlerDescriptor>> GetPaymentHandlersAsync(UcpTenant tenant, CancellationToken cancellationToken);

    /// <summary>Prices a checkout draft. Called on every create, update and complete.</summary>
    /// <param name="request">The draft, with its tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The quote.</returns>
    ValueTask<CommerceQuote> QuoteAsync(QuoteRequest request, CancellationToken cancellationToken);

    /// <summary>Addresses the store already knows for a buyer (empty when none).</summary>
    /// <param name="tenant">The store.</param>
    /// <param name="buyerEmail">The buyer's email as the platform sent it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved addresses with the store's ids.</returns>
    ValueTask<IReadOnlyList<SavedAddress>> FindSavedAddressesAsync(UcpTenant tenant, string buyerEmail, CancellationToken cancellationToken);

    /// <summary>
    /// Charges the instrument and places the order. Must be idempotent per checkout id: a repeated call for a checkout
    /// that already produced an order returns that order instead of charging again.
    /// </summary>
    /// <param name="request">The ready checkout, the instrument and its credential, with the tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What happened.</returns>
    ValueTask<PlaceOrderResult> PlaceOrderAsync(PlaceOrderRequest request, CancellationToken cancellationToken);
}
