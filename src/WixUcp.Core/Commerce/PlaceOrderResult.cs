namespace WixUcp.Commerce;

/// <summary>The result of <see cref="ICheckoutBackend.PlaceOrderAsync"/>.</summary>
public sealed record PlaceOrderResult
{
    public required PlaceOrderOutcome Outcome { get; init; }
    public string? OrderId { get; init; }
    public string? OrderLabel { get; init; }

    /// <summary>Buyer-facing explanation for a non-placed outcome.</summary>
    public string? Message { get; init; }

    /// <summary>Where the buyer continues, for <see cref="PlaceOrderOutcome.RequiresBuyerAction"/>.</summary>
    public Uri? ContinueUrl { get; init; }

    /// <summary>Line ids that ran out, for <see cref="PlaceOrderOutcome.OutOfStock"/>.</summary>
    public IReadOnlyList<string> OutOfStockLineIds { get; init; } = [];

    public static PlaceOrderResult Placed(string orderId, string? label = null) =>
        new() { Outcome = PlaceOrderOutcome.Placed, OrderId = orderId, OrderLabel = label };

    public static PlaceOrderResult Declined(string message) =>
        new() { Outcome = PlaceOrderOutcome.Declined, Message = message };
}
