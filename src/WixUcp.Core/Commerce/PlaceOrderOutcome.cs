namespace WixUcp.Commerce;

/// <summary>How an attempt to charge the buyer and place the order ended.</summary>
public enum PlaceOrderOutcome
{
    /// <summary>Payment taken and order placed.</summary>
    Placed,

    /// <summary>The payment was declined; nothing was placed.</summary>
    Declined,

    /// <summary>The buyer must act in the business UI (for example a 3-D Secure challenge).</summary>
    RequiresBuyerAction,

    /// <summary>Stock ran out between the quote and the order.</summary>
    OutOfStock,
}
