using WixUcp.Commerce;

namespace WixUcp.Checkout;

/// <summary>A shipping destination with its server-assigned id.</summary>
public sealed record FulfillmentDestination(string Id, PostalAddress Address);
