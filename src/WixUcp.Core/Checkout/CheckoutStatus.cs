namespace WixUcp.Checkout;

/// <summary>The checkout lifecycle (closed set in UCP).</summary>
public enum CheckoutStatus
{
    /// <summary>Information is missing or invalid; the platform can fix it through the API.</summary>
    Incomplete,

    /// <summary>The buyer must continue in the store's UI (at the continue URL) before the checkout can complete.</summary>
    RequiresEscalation,

    /// <summary>Everything needed is present; the platform may complete the checkout.</summary>
    ReadyForComplete,

    /// <summary>Completion has started (payment and order placement are under way).</summary>
    CompleteInProgress,

    /// <summary>The order was placed; the checkout can no longer change.</summary>
    Completed,

    /// <summary>The checkout was canceled or expired; it can no longer change.</summary>
    Canceled,
}
