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

    public WixWebhookVerifier(IOptions<WixUcpOptions> options, TimeProvider time)
    {
        _time = time;
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

        try
        {
            return result.Claims.TryGetValue("data", out var data) && data is string envelope && Parse(envelope) is { } parsed
                ? (parsed, null)
                : (null, "The webhook carries no event.");
        }
        catch (JsonException)
        {
            return (null, "The webhook's event is not JSON.");
        }
    }

    private WixEvent? Parse(string envelope)
    {
        using var outer = JsonDocument.Parse(envelope);
        var root = outer.RootElement;
        if (Text(root, "eventType") is not { } eventType || Text(root, "instanceId") is not { } instanceId || Text(root, "data") is not { } inner)
        {
            return null;
        }

        using var data = JsonDocument.Parse(inner);
        var e = data.RootElement;
        var time = Text(e, "eventTime") is { } at && DateTimeOffset.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : _time.GetUtcNow();

        // App events (AppInstalled, AppRemoved) have no event id: the instance and type stand in for it.
        var id = Text(e, "id") ?? eventType + ":" + instanceId + ":" + time.ToUnixTimeSeconds();
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
