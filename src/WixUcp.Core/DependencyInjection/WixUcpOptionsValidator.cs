using Microsoft.Extensions.Options;
using WixUcp;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Checks <see cref="WixUcpOptions"/> at start-up; each failure says which setting to change.</summary>
internal sealed class WixUcpOptionsValidator : IValidateOptions<WixUcpOptions>
{
    public ValidateOptionsResult Validate(string? name, WixUcpOptions options)
    {
        var failures = new List<string>();
        CheckUrl(options.PublicBaseUrl, "WixUcp:PublicBaseUrl", failures);
        CheckUrl(options.StorefrontUrl, "WixUcp:StorefrontUrl", failures);
        foreach (var (type, url) in options.Links)
        {
            CheckUrl(url, $"WixUcp:Links:{type}", failures);
        }

        if (options.Auth.ApiKeyPepper is { Length: > 0 } pepper && System.Text.Encoding.UTF8.GetByteCount(pepper) < 32)
        {
            failures.Add("WixUcp:Auth:ApiKeyPepper must be at least 32 bytes (e.g. `openssl rand -base64 48`).");
        }

        if (options.Auth.Jwt.Secret is { Length: > 0 } secret && System.Text.Encoding.UTF8.GetByteCount(secret) < 32)
        {
            failures.Add("WixUcp:Auth:Jwt:Secret (UCP_JWT_SECRET) must be at least 32 bytes: HS256 keys shorter than the hash are guessable.");
        }

        if (options.Auth.Jwt.JwksUrl is { } jwks && jwks.Scheme != Uri.UriSchemeHttps && !jwks.IsLoopback)
        {
            failures.Add("WixUcp:Auth:Jwt:JwksUrl (UCP_JWT_JWKS_URL) must be https:// (http only on loopback).");
        }

        if (options.Auth.Signatures.MaxAge <= TimeSpan.Zero
            || options.Auth.Signatures.DefaultPermissions.FirstOrDefault(p => !WixUcp.Authentication.UcpPermissions.All.Contains(p)) is not null)
        {
            failures.Add($"WixUcp:Auth:Signatures:MaxAge must be positive and DefaultPermissions may only name {string.Join(", ", WixUcp.Authentication.UcpPermissions.All)}.");
        }

        if (options.Checkout.SessionLifetime <= TimeSpan.Zero)
        {
            failures.Add("WixUcp:Checkout:SessionLifetime must be positive (UCP's default is 06:00:00).");
        }

        if (options.Checkout.MaxLineItems < 1 || options.Checkout.MaxQuantity < 1 || options.Checkout.MaxDiscountCodes < 1)
        {
            failures.Add("WixUcp:Checkout:MaxLineItems, MaxQuantity and MaxDiscountCodes must be at least 1.");
        }

        if (options.Catalog.DefaultPageSize < 1 || options.Catalog.MaxPageSize < options.Catalog.DefaultPageSize)
        {
            failures.Add("WixUcp:Catalog:DefaultPageSize must be at least 1 and no larger than WixUcp:Catalog:MaxPageSize.");
        }

        if (options.Catalog.MaxLookupIds < 10)
        {
            failures.Add("WixUcp:Catalog:MaxLookupIds must be at least 10 (UCP requires lookups of 10 ids to be accepted).");
        }

        if (options.Negotiation.MaxConcurrentProfileFetches < 1 || options.Negotiation.AllowedProfilePorts.Any(p => p is < 1 or > 65535))
        {
            failures.Add("WixUcp:Negotiation:MaxConcurrentProfileFetches must be at least 1, and WixUcp:Negotiation:AllowedProfilePorts must hold ports 1..65535.");
        }

        if (options.Negotiation.ProfileFetchTimeout <= TimeSpan.Zero || options.Negotiation.MaxProfileBytes < 1024 || options.Negotiation.MaxCachedProfiles < 1)
        {
            failures.Add("WixUcp:Negotiation needs a positive ProfileFetchTimeout, MaxProfileBytes of at least 1024 and MaxCachedProfiles of at least 1.");
        }

        var limits = options.RateLimits;
        if (limits.Window < TimeSpan.FromSeconds(1) || limits.Window > TimeSpan.FromDays(1) || limits.Window.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            failures.Add("WixUcp:RateLimits:Window must be between 00:00:01 and 1.00:00:00, in whole milliseconds.");
        }

        if (new[] { limits.Profile, limits.Catalog, limits.Checkout, limits.Orders, limits.ProfileFetches }.Any(b => b is < 1 or > 1_000_000) || limits.MaxTrackedClients < 1)
        {
            failures.Add("WixUcp:RateLimits:Profile, Catalog, Checkout, Orders and ProfileFetches must be 1..1000000 requests per window, and MaxTrackedClients at least 1.");
        }

        if (options.Memory.MaxCheckoutSessions < 1 || options.Memory.MaxIdempotencyRecords < 1 || options.Memory.ExpiredSessionRetention < TimeSpan.Zero)
        {
            failures.Add("WixUcp:Memory:MaxCheckoutSessions and MaxIdempotencyRecords must be at least 1, and ExpiredSessionRetention not negative.");
        }

        if (options.Limits.MaxDepth is < 4 or > 64 || options.Limits.MaxStringLength < 64 || options.Limits.MaxArrayLength < options.Checkout.MaxLineItems || options.Limits.MaxObjectMembers < 16)
        {
            failures.Add("WixUcp:Limits needs MaxDepth 4..64, MaxStringLength of at least 64, MaxArrayLength of at least WixUcp:Checkout:MaxLineItems and MaxObjectMembers of at least 16.");
        }

        if (options.Idempotency.RecordLifetime < TimeSpan.FromHours(24))
        {
            failures.Add("WixUcp:Idempotency:RecordLifetime must be at least 24:00:00, as UCP requires.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(Uri? url, string setting, List<string> failures)
    {
        if (url is not null && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"{setting} must be an absolute http(s) URL.");
        }
    }
}
