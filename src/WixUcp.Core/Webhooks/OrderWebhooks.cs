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
internal sealed class OrderWebhooks(UcpVersionRegistry versions, TimeProvider time)
{
    public IReadOnlyList<WebhookDelivery> For(Order order, Uri businessBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.WebhookUrl is not { } target)
        {
            return [];
        }

        var now = time.GetUtcNow();
        return
        [
            new WebhookDelivery
            {
                Id = DeliveryId(order, target),
                TenantId = order.TenantId,
                OrderId = order.Id,
                OrderVersion = order.Version,
                Target = target,
                UcpAgent = $"profile=\"{businessBaseUrl.AbsoluteUri.TrimEnd('/')}/.well-known/ucp\"",
                Body = Render(order),
                CreatedAt = now,
                NextAttemptAt = now,
            },
        ];
    }

    /// <summary>The order as its platform reads it: the full snapshot in the protocol version it was placed in.</summary>
    public byte[] Render(Order order)
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
        return version.Codec.WriteOrder(order, negotiation);
    }

    // A name-based UUID (RFC 9562 version 8) of tenant, order, revision and target.
    private static string DeliveryId(Order order, Uri target)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{order.TenantId}\n{order.Id}\n{order.Version}\n{target.AbsoluteUri}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
