using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace WixUcp.Wix;

/// <summary>
/// Verifies a Wix webhook as Wix sends it: the body is a compact JWT signed RS256 with the app's key (the public key from
/// the app's dashboard, <c>WixUcp:Wix:WebhookPublicKeyPem</c>); its <c>data</c> claim is a JSON string holding
/// <c>eventType</c>, <c>instanceId</c> and <c>data</c>, itself a JSON string with the event (<c>id</c>,
/// <c>entityId</c>, <c>eventTime</c>, and one of <c>createdEvent</c>, <c>updatedEvent</c>, <c>actionEvent</c>,
/// <c>deletedEvent</c>; entities as objects or as <c>*AsJson</c> strings). App events keep Wix's flat form.
/// </summary>
internal sealed class WixWebhookVerifier
{
    public const int MaxTokenLength = 256 * 1024;

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters? _parameters;
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;

    public WixWebhookVerifier(IOptions<WixUcpOptions> options, TimeProvider time)
    {
        _time = time;
        _window = options.Value.Wix.WebhookReplayWindow;
        if (options.Value.Wix.WebhookPublicKeyPem is { Length: > 0 } pem)
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            _parameters = new TokenValidationParameters
            {
                IssuerSigningKey = new RsaSecurityKey(rsa),
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                ValidateIssuer = false,
                ValidateAudience = false,
                ValidateLifetime = true,
                RequireExpirationTime = false,
                ClockSkew = TimeSpan.FromMinutes(5),
                LifetimeValidator = (notBefore, expires, _, parameters) =>
                    (notBefore is null || notBefore <= _time.GetUtcNow().UtcDateTime + parameters.ClockSkew)
                    && (expires is null || expires >= _time.GetUtcNow().UtcDateTime - parameters.ClockSkew),
            };
        }
    }

    /// <summary>Whether a public key is configured (without one every webhook is refused).</summary>
    public bool Configured => _parameters is not null;

    /// <summary>The event, or null with the reason it was refused (never the token itself).</summary>
    public async ValueTask<(WixEvent? Event, string? Refusal)> VerifyAsync(string token)
    {
        if (_parameters is null)
        {
            return (null, "No Wix webhook public key is configured (WixUcp:Wix:WebhookPublicKeyPem).");
        }

        if (token.Length is 0 or > MaxTokenLength)
        {
            return (null, "The body is not a Wix webhook token.");
        }

        var result = await _handler.ValidateTokenAsync(token.Trim(), _parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return (null, "The webhook's signature or lifetime is not valid.");
        }

        // A token that never expires must at least be recent: a captured one cannot be replayed later.
        var issuedAt = result.Claims.TryGetValue("iat", out var iat) && long.TryParse(Convert.ToString(iat, System.Globalization.CultureInfo.InvariantCulture), out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : (DateTimeOffset?)null;
        if (!result.Claims.ContainsKey("exp") && (issuedAt is not { } issued || (_time.GetUtcNow() - issued).Duration() > _window))
        {
            return (null, "The webhook carries neither an expiry nor a recent issue time.");
        }

        try
        {
            var tokenId = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token.Trim())))[..32];
            return result.Claims.TryGetValue("data", out var data) && data is string envelope && Parse(envelope, issuedAt, tokenId) is { } parsed
                ? (parsed, null)
                : (null, "The webhook carries no event.");
        }
        catch (JsonException)
        {
            return (null, "The webhook's event is not JSON.");
        }
    }

    private static WixEvent? Parse(string envelope, DateTimeOffset? issuedAt, string tokenId)
    {
        using var outer = JsonDocument.Parse(envelope);
        var root = outer.RootElement;
        if (Text(root, "eventType") is not { } eventType || Text(root, "instanceId") is not { } instanceId || Text(root, "data") is not { } inner)
        {
            return null;
        }

        using var data = JsonDocument.Parse(inner);
        var e = data.RootElement;
        // App events (AppInstalled, AppRemoved) carry neither an event id nor a time: the token's issue time dates them
        // and the token itself names them, so a replay of one is recognised and an old one is stale.
        var time = Text(e, "eventTime") is { } at && DateTimeOffset.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed
            : issuedAt ?? DateTimeOffset.MinValue;
        var id = Text(e, "id") ?? "token:" + tokenId;
        JsonElement? body = null;
        foreach (var (kind, member) in new[] { ("createdEvent", "entity"), ("updatedEvent", "currentEntity"), ("actionEvent", "body") })
        {
            if (e.TryGetProperty(kind, out var part) && part.ValueKind == JsonValueKind.Object)
            {
                body = part.TryGetProperty(member, out var entity) && entity.ValueKind == JsonValueKind.Object ? entity.Clone()
                    : Text(part, member + "AsJson") is { } json ? JsonDocument.Parse(json).RootElement.Clone()
                    : null;
            }
        }

        return new WixEvent(id, eventType, instanceId, Text(e, "entityId") is { Length: > 0 } entityId ? entityId : null, time, body);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
