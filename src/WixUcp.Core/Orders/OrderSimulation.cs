namespace WixUcp.Orders;

/// <summary>What a sandbox simulation does to an order, as the official UCP samples offer it to platform developers.</summary>
public enum OrderSimulation
{
    /// <summary>Every line ships: a <c>shipped</c> event with a tracking number, lines fulfilled.</summary>
    Ship,

    /// <summary>A <c>delivered</c> event for every line.</summary>
    Deliver,

    /// <summary>A completed <c>refund</c> adjustment of the whole order.</summary>
    Refund,
}
