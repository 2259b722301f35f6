using WixUcp.Commerce;
using WixUcp.Tenancy;

namespace WixUcp.Diagnostics;

/// <summary>The configured checkout backend, with each call timed and counted (<c>wixucp.backend.duration</c>) and traced.</summary>
internal sealed class MeasuredCheckoutBackend(ICheckoutBackend inner, WixUcpMetrics metrics) : ICheckoutBackend
{
    public const string ServiceKey = "wixucp.measured";

    public ValueTask<IReadOnlyList<PaymentHandlerDescriptor>> GetPaymentHandlersAsync(UcpTenant tenant, CancellationToken cancellationToken) =>
        WixUcpActivities.MeasureAsync(metrics, "payment_handlers", () => inner.GetPaymentHandlersAsync(tenant, cancellationToken));

    public ValueTask<CommerceQuote> QuoteAsync(QuoteRequest request, CancellationToken cancellationToken) =>
        WixUcpActivities.MeasureAsync(metrics, "quote", () => inner.QuoteAsync(request, cancellationToken));

    public ValueTask<IReadOnlyList<SavedAddress>> FindSavedAddressesAsync(UcpTenant tenant, string buyerEmail, CancellationToken cancellationToken) =>
        WixUcpActivities.MeasureAsync(metrics, "saved_addresses", () => inner.FindSavedAddressesAsync(tenant, buyerEmail, cancellationToken));

    public ValueTask<PlaceOrderResult> PlaceOrderAsync(PlaceOrderRequest request, CancellationToken cancellationToken) =>
        WixUcpActivities.MeasureAsync(metrics, "place_order", () => inner.PlaceOrderAsync(request, cancellationToken));
}
