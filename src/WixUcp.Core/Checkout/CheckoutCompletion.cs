using WixUcp.Orders;

namespace WixUcp.Checkout;

/// <summary>Everything that completing a checkout writes, committed together by <see cref="ICheckoutCompletionStore"/>.</summary>
public sealed record CheckoutCompletion
{
    /// <summary>The completed session, its version already advanced.</summary>
    public required CheckoutSession Session { get; init; }

    /// <summary>The version the stored session must still have (the completion claim).</summary>
    public required long ExpectedVersion { get; init; }

    /// <summary>The order the completion placed.</summary>
    public required Order Order { get; init; }

    /// <summary>The webhooks announcing the order, enqueued with it.</summary>
    public IReadOnlyList<Webhooks.WebhookDelivery> Deliveries { get; init; } = [];
}
