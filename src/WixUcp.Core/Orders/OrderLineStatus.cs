namespace WixUcp.Orders;

public enum OrderLineStatus
{
    Processing,
    Partial,
    Fulfilled,
    Removed,
}
