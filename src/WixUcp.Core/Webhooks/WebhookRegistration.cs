namespace WixUcp.Webhooks;

/// <summary>A platform's subscription to a store's order events, with the secret its deliveries are signed with.</summary>
public sealed record WebhookRegistration
{
    /// <summary>The registration id.</summary>
    public required string Id { get; init; }

    /// <summary>The store (app instance) whose events are sent.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The platform that registered.</summary>
    public required string PlatformId { get; init; }

    /// <summary>Where deliveries go.</summary>
    public required Uri WebhookUrl { get; init; }

    /// <summary>The event types delivered, for example <c>order.updated</c>.</summary>
    public required IReadOnlyList<string> Events { get; init; }

    /// <summary>The signing secret; encrypted at rest.</summary>
    public required string Secret { get; init; }

    /// <summary>When the platform registered.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
