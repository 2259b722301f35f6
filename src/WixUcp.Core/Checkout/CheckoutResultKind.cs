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

    /// <summary>
    /// An update arrived while the checkout is being completed: nothing changed. 2026-08-25 answers the checkout as it is
    /// with a recoverable error; older versions answer 409 <c>checkout_completing</c>.
    /// </summary>
    Frozen,
}
