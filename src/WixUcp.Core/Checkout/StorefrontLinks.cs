namespace WixUcp.Checkout;

/// <summary>Buyer-facing URLs: always under the configured storefront or public URL, never a request's Host when one is configured.</summary>
internal static class StorefrontLinks
{
    public static Uri Checkout(WixUcpOptions options, CheckoutRequestContext context, string checkoutId) =>
        Under(options, context, "checkout/" + Uri.EscapeDataString(checkoutId));

    public static Uri Order(WixUcpOptions options, CheckoutRequestContext context, string orderId) =>
        Under(options, context, "orders/" + Uri.EscapeDataString(orderId));

    private static Uri Under(WixUcpOptions options, CheckoutRequestContext context, string relative)
    {
        var root = options.StorefrontUrl ?? options.PublicBaseUrl ?? context.BaseUrl;
        var text = root.AbsoluteUri;
        return new Uri(text.EndsWith('/') ? text + relative : text + "/" + relative);
    }
}
