using WixUcp.Commerce;

namespace WixUcp.Checkout;

/// <summary>A shipping destination sent by the platform; the server assigns an id when none is given.</summary>
internal sealed record DestinationInput(string? Id, PostalAddress Address);
