using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using WixUcp.Protocol;
using WixUcp.Tenancy;

namespace WixUcp.Webhooks;

/// <summary>
/// Webhook registrations of a platform with a store: create (the secret is answered once), list (never the secret),
/// delete. A registration belongs to the platform profile that made it, and receives that platform's orders of the
/// store, HMAC-signed with its secret as well as with the business key.
/// </summary>
internal sealed class WebhookRegistrations(IWebhookRegistrationStore store, TimeProvider time, IOptions<WixUcpOptions> options)
{
    private const int MaxPerPlatform = 10;
    private const int MaxUrlLength = 2048;

    public async ValueTask<byte[]> CreateAsync(UcpTenant tenant, Uri platform, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        WebhookRegistrationRequestDto request;
        try
        {
            request = JsonSerializer.Deserialize(body.Span, WebhookRegistrationJson.Default.WebhookRegistrationRequestDto)
                ?? throw new UcpRequestException("The body must be an object with url and events.", "$");
        }
        catch (JsonException ex)
        {
            throw new UcpRequestException("The body must be an object with url (a string) and events (a list of strings).", ex.Path ?? "$", innerException: ex);
        }

        var url = Target(request.Url);
        var events = request.Events is null ? WebhookEvents.All : request.Events.Distinct(StringComparer.Ordinal).ToList();
        if (events.Count == 0 || events.Any(e => !WebhookEvents.All.Contains(e, StringComparer.Ordinal)))
        {
            throw new UcpRequestException($"events must name some of: {string.Join(", ", WebhookEvents.All)}.", "$.events");
        }

        var platformId = platform.AbsoluteUri;
        if ((await store.ListAsync(tenant.Id, cancellationToken).ConfigureAwait(false)).Count(r => r.PlatformId == platformId) >= MaxPerPlatform)
        {
            throw new UcpRequestException($"A platform holds at most {MaxPerPlatform} webhook registrations per store; delete one first.", "$", "request_too_large");
        }

        var registration = new WebhookRegistration
        {
            Id = "wh_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            InstanceId = tenant.Id,
            PlatformId = platformId,
            WebhookUrl = url,
            Events = [.. events],
            Secret = "whsec_" + Base64Url(RandomNumberGenerator.GetBytes(32)),
            CreatedAt = time.GetUtcNow(),
        };
        if (!await store.TryAddAsync(registration, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("A fresh registration id collided with a stored one.");
        }

        return JsonSerializer.SerializeToUtf8Bytes(ToDto(registration, withSecret: true), WebhookRegistrationJson.Default.WebhookRegistrationDto);
    }

    public async ValueTask<byte[]> ListAsync(UcpTenant tenant, Uri platform, CancellationToken cancellationToken)
    {
        var mine = (await store.ListAsync(tenant.Id, cancellationToken).ConfigureAwait(false)).Where(r => r.PlatformId == platform.AbsoluteUri);
        return JsonSerializer.SerializeToUtf8Bytes(
            new WebhookRegistrationListDto { Webhooks = [.. mine.OrderBy(r => r.CreatedAt).Select(r => ToDto(r, withSecret: false))] },
            WebhookRegistrationJson.Default.WebhookRegistrationListDto);
    }

    /// <summary>False when the platform has no registration with that id in this store (another platform's is not visible).</summary>
    public async ValueTask<bool> DeleteAsync(UcpTenant tenant, Uri platform, string id, CancellationToken cancellationToken)
    {
        var registration = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return registration is not null && registration.InstanceId == tenant.Id && registration.PlatformId == platform.AbsoluteUri
            && await store.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
    }

    private Uri Target(string? value)
    {
        var allowLoopback = options.Value.Webhooks.AllowInsecureLoopbackTargets;
        if (value is not { Length: > 0 and <= MaxUrlLength } || !Uri.TryCreate(value, UriKind.Absolute, out var url)
            || !(url.Scheme == Uri.UriSchemeHttps || (allowLoopback && url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
            || url.UserInfo.Length > 0 || url.Fragment.Length > 0)
        {
            throw new UcpRequestException("url must be an absolute https URL without credentials or fragment.", "$.url");
        }

        return url;
    }

    private static WebhookRegistrationDto ToDto(WebhookRegistration registration, bool withSecret) => new()
    {
        Id = registration.Id,
        Url = registration.WebhookUrl.AbsoluteUri,
        Events = [.. registration.Events],
        Secret = withSecret ? registration.Secret : null,
        CreatedAt = registration.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
