namespace WixUcp.Commerce;

/// <summary>The result of <see cref="ICheckoutBackend.PlaceOrderAsync"/>.</summary>
public sealed record PlaceOrderResult
{
    /// <summary>How the attempt ended.</summary>
    public required PlaceOrderOutcome Outcome { get; init; }

    /// <summary>The store's opaque id of the placed order, for <see cref="PlaceOrderOutcome.Placed"/>.</summary>
    public string? OrderId { get; init; }

    /// <summary>Buyer-facing order number (for example <c>#1001</c>), for <see cref="PlaceOrderOutcome.Placed"/>; null when the store has none.</summary>
    public string? OrderLabel { get; init; }

    /// <summary>Buyer-facing explanation for a non-placed outcome.</summary>
    public string? Message { get; init; }

    /// <summary>Where the buyer continues, for <see cref="PlaceOrderOutcome.RequiresBuyerAction"/>.</summary>
    public Uri? ContinueUrl { get; init; }

    /// <summary>Line ids that ran out, for <see cref="PlaceOrderOutcome.OutOfStock"/>.</summary>
    public IReadOnlyList<string> OutOfStockLineIds { get; init; } = [];

    /// <summary>A placed order.</summary>
    /// <param name="orderId">The store's opaque order id.</param>
    /// <param name="label">Buyer-facing order number, if the store has one.</param>
    /// <returns>A result with outcome <see cref="PlaceOrderOutcome.Placed"/>.</returns>
    public static PlaceOrderResult Placed(string orderId, string? label = null) =>
        new() { Outcome = PlaceOrderOutcome.Placed, OrderId = orderId, OrderLabel = label };

    /// <summary>A declined payment; nothing was placed.</summary>
    /// <param name="message">Buyer-facing reason for the decline.</param>
    /// <returns>A result with outcome <see cref="PlaceOrderOutcome.Declined"/>.</returns>
    public static PlaceOrderResult Declined(string message) =>
        new() { Outcome = PlaceOrderOutcome.Declined, Message = message };
}
