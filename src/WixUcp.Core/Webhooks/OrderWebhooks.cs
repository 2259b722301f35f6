using System.Security.Cryptography;
using System.Text;
using WixUcp.Negotiation;
using WixUcp.Orders;
using WixUcp.Protocol;
using WixUcp.Versions;

namespace WixUcp.Webhooks;

/// <summary>
/// The webhook deliveries that announce an order snapshot: the full order, written by the codec of the protocol version
/// the platform placed it in, to the platform's <c>webhook_url</c>. Ids derive from the order revision and the target,
/// so the same snapshot enqueued twice (a retried completion) is one delivery.
/// </summary>
internal sealed class OrderWebhooks(UcpVersionRegistry versions, TimeProvider time, IWebhookRegistrationStore? registrations = null)
{
    /// <summary>
    /// One delivery per receiver of this order revision: the platform profile's <c>webhook_url</c>, and every webhook
    /// registration of the same platform and store that asked for the event (those are also HMAC-signed with their secret).
    /// </summary>
    public async ValueTask<IReadOnlyList<WebhookDelivery>> ForAsync(Order order, Uri businessBaseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var targets = new List<(Uri Target, string? RegistrationId)>();
        if (order.WebhookUrl is { } profileTarget)
        {
            targets.Add((profileTarget, null));
        }

        if (registrations is not null && order.PlatformProfile is { } platform)
        {
            var wanted = order.Version == 1 ? WebhookEvents.OrderCreated : WebhookEvents.OrderUpdated;
            targets.AddRange((await registrations.ListAsync(order.TenantId, cancellationToken).ConfigureAwait(false))
                .Where(r => r.PlatformId == platform && r.Events.Contains(wanted, StringComparer.Ordinal))
                .Select(r => (r.WebhookUrl, (string?)r.Id)));
        }

        if (targets.Count == 0)
        {
            return [];
        }

        var now = time.GetUtcNow();
        var body = Render(order, EventId(order), now);
        return [.. targets.Select(t => new WebhookDelivery
        {
            Id = DeliveryId(order, t.Target, t.RegistrationId),
            TenantId = order.TenantId,
            OrderId = order.Id,
            OrderVersion = order.Version,
            Target = t.Target,
            RegistrationId = t.RegistrationId,
            UcpAgent = $"profile=\"{businessBaseUrl.AbsoluteUri.TrimEnd('/')}/.well-known/ucp\"",
            Body = body,
            CreatedAt = now,
            NextAttemptAt = now,
        })];
    }

    /// <summary>The order as its platform reads it: the full snapshot in the protocol version it was placed in.</summary>
    public byte[] Render(Order order) => Render(order, eventId: null, default);

    private byte[] Render(Order order, string? eventId, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(order);
        var version = order.ProtocolVersion is { } placedIn && versions.TryGet(placedIn, out var served) ? served! : versions.Current;
        var negotiation = new NegotiationResult
        {
            Version = version.Version,
            Platform = new PlatformProfile
            {
                Url = new Uri(order.PlatformProfile ?? order.PermalinkUrl.AbsoluteUri),
                Version = version.Version,
                Capabilities = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal),
            },
            Capabilities = new Dictionary<string, string>(StringComparer.Ordinal) { [UcpCapabilities.Order] = version.Version },
            IsCompatible = true,
        };
        return eventId is null ? version.Codec.WriteOrder(order, negotiation) : version.Codec.WriteOrderEvent(order, negotiation, eventId, createdAt);
    }

    // The event is the order's revision, whoever receives it: one id for every target of the same change.
    private static string EventId(Order order) => NameBasedId($"{order.TenantId}\n{order.Id}\n{order.Version}");

    // A name-based UUID (RFC 9562 version 8) of tenant, order, revision, target and registration.
    private static string DeliveryId(Order order, Uri target, string? registrationId) =>
        NameBasedId($"{order.TenantId}\n{order.Id}\n{order.Version}\n{target.AbsoluteUri}\n{registrationId}");

    private static string NameBasedId(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
