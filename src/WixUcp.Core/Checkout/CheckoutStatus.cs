namespace WixUcp.Checkout;

/// <summary>The checkout lifecycle (closed set in UCP).</summary>
public enum CheckoutStatus
{
    Incomplete,
    RequiresEscalation,
    ReadyForComplete,
    CompleteInProgress,
    Completed,
    Canceled,
}
