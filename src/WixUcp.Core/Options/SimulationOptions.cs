namespace WixUcp;

/// <summary>
/// Sandbox simulation for platform developers (ship, deliver, refund an order; replace its fulfillment history), as the
/// official UCP samples offer it. Off unless <see cref="Secret"/> is set; every call must carry it as <c>Simulation-Secret</c>.
/// </summary>
public sealed class SimulationOptions
{
    /// <summary>The shared secret of the simulation endpoints (<c>WixUcp:Simulation:Secret</c>); empty turns them off.</summary>
    public string? Secret { get; set; }
}
