namespace WixUcp.FakeWix;

/// <summary>How a <see cref="FakeWixServer"/> behaves.</summary>
public sealed class FakeWixOptions
{
    /// <summary>Lifetime of client-credentials access tokens (<c>expires_in</c>); Wix's is 4 hours.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(4);

    /// <summary>
    /// The clock for token expiry and every <c>createdDate</c>/<c>updatedDate</c>/<c>eventTime</c>. Delays (payment
    /// settling, webhook timeouts) run on real time so a frozen test clock cannot hang them.
    /// </summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>How long after Add Payments the order's <c>paymentStatus</c> recalculates (Wix: "asynchronously").</summary>
    public TimeSpan PaymentSettleDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a webhook receiver has to answer before the send counts as failed (Wix: 1250 ms).</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromMilliseconds(1250);

    /// <summary>
    /// When true, domain-event webhooks carry the entity as a JSON string (<c>createdEvent.entityAsJson</c>,
    /// <c>updatedEvent.currentEntityAsJson</c>, <c>actionEvent.bodyAsJson</c>), the shape of the raw DomainEvent in
    /// Wix's SDK typings; by default they carry objects (<c>entity</c>, <c>currentEntity</c>, <c>body</c>) as Wix's
    /// webhook reference pages show them. Clients should accept both.
    /// </summary>
    public bool WebhookEntitiesAsJsonStrings { get; set; }

    /// <summary>The webhook target at start (also settable later through <see cref="FakeWixState.WebhookUrl"/>).</summary>
    public Uri? WebhookUrl { get; set; }
}
