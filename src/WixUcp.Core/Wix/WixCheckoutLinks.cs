using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace WixUcp.Wix;

/// <summary>
/// Which UCP session a Wix checkout belongs to, remembered when the buyer is sent to Wix's page, so the order Wix
/// reports afterwards completes the right session. Kept as long as a session lives, in the shared cache (Redis when
/// configured, so any replica can receive Wix's event).
/// </summary>
internal sealed class WixCheckoutLinks(HybridCache cache, IOptions<WixUcpOptions> options)
{
    private static readonly HybridCacheEntryOptions ReadOnly = new() { Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite };

    public ValueTask RememberAsync(string wixCheckoutId, string tenantId, string sessionId, CancellationToken cancellationToken) =>
        cache.SetAsync(Key(wixCheckoutId), tenantId + "\n" + sessionId,
            new HybridCacheEntryOptions { Expiration = options.Value.Checkout.SessionLifetime, LocalCacheExpiration = options.Value.Checkout.SessionLifetime },
            cancellationToken: cancellationToken);

    public async ValueTask<(string TenantId, string SessionId)?> FindAsync(string wixCheckoutId, CancellationToken cancellationToken)
    {
        var value = await cache.GetOrCreateAsync(Key(wixCheckoutId), _ => ValueTask.FromResult(""), ReadOnly, cancellationToken: cancellationToken).ConfigureAwait(false);
        return value.Split('\n') is [{ Length: > 0 } tenant, { Length: > 0 } session] ? (tenant, session) : null;
    }

    private static string Key(string wixCheckoutId) => "wix-checkout:" + wixCheckoutId;
}
