namespace WixUcp.Checkout;

public enum FulfillmentType
{
    Shipping,
    Pickup,
}
