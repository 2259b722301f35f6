namespace WixUcp.Checkout;

internal enum CheckoutResultKind
{
    /// <summary>The checkout was read or changed; see <see cref="CheckoutResult.Session"/>.</summary>
    Ok,

    /// <summary>A new checkout was created.</summary>
    Created,

    /// <summary>No checkout could be found or made; answer with an error response carrying the messages.</summary>
    Rejected,

    /// <summary>The operation is not allowed in the checkout's state (409).</summary>
    Conflict,
}
