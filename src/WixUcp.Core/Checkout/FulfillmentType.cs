namespace WixUcp.Checkout;

/// <summary>How the lines of a fulfillment method reach the buyer.</summary>
public enum FulfillmentType
{
    /// <summary>Delivered to a postal address.</summary>
    Shipping,

    /// <summary>Collected by the buyer at a store location.</summary>
    Pickup,
}
