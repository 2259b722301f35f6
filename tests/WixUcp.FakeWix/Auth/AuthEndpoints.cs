using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using WixUcp.FakeWix.Infrastructure;

namespace WixUcp.FakeWix.Auth;

/// <summary>An issued access token.</summary>
internal sealed class TokenGrant
{
    public required string Token { get; init; }

    public required string InstanceId { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>
/// <c>POST /oauth2/token</c> (client credentials, JSON or form body), <c>POST /oauth2/token-info</c> and
/// <c>GET /apps/v1/instance</c>.
/// </summary>
internal static class AuthEndpoints
{
    public static void Map(IEndpointRouteBuilder app, FakeWixState state)
    {
        app.MapPost("/oauth2/token", (HttpContext http) => Token(http, state));
        app.MapPost("/oauth2/token-info", (HttpContext http) => TokenInfo(http, state));
        app.MapGet("/apps/v1/instance", (HttpContext http) => AppInstance(http, state));
    }

    private static IResult Token(HttpContext http, FakeWixState state)
    {
        var body = ReadTokenRequest(http);
        string Field(string name) => body.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value)
            ? value
            : throw WixErrors.BadRequest(name, "is required");

        var grantType = Field("grant_type");
        if (grantType != "client_credentials")
        {
            throw WixErrors.BadRequestCode("UNSUPPORTED_GRANT_TYPE", $"grant_type '{grantType}' is not supported (the fake issues client_credentials only)");
        }

        var clientId = Field("client_id");
        var clientSecret = Field("client_secret");
        var instanceId = Field("instance_id");
        if (clientId != state.AppId || clientSecret != state.AppSecret)
        {
            throw WixErrors.Unauthorized("INVALID_CLIENT", "invalid client credentials");
        }

        lock (state.Sync)
        {
            if (state.InstanceById(instanceId) is not { Installed: true })
            {
                throw WixErrors.BadRequestCode("INVALID_INSTANCE_ID", $"app {clientId} is not installed on instance {instanceId}");
            }

            var now = state.Time.GetUtcNow();
            var token = "OAUTH2." + Base64Url(RandomNumberGenerator.GetBytes(32));
            state.Tokens[token] = new TokenGrant
            {
                Token = token,
                InstanceId = instanceId,
                IssuedAt = now,
                ExpiresAt = now + state.Options.TokenLifetime,
            };
            state.CountTokenGrant();
            return Wire.Json(new JsonObject
            {
                ["access_token"] = token,
                ["token_type"] = "Bearer",
                ["expires_in"] = (long)state.Options.TokenLifetime.TotalSeconds,
            });
        }
    }

    private static Dictionary<string, string> ReadTokenRequest(HttpContext http)
    {
        if (http.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            return QueryHelpers.ParseQuery(Encoding.UTF8.GetString(Wire.Body(http)))
                .ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        }

        return Wire.ReadObject(http)
            .Where(p => p.Value is JsonValue)
            .ToDictionary(p => p.Key, p => Wire.Str(p.Value, "") ?? p.Value!.ToJsonString(), StringComparer.Ordinal);
    }

    private static IResult TokenInfo(HttpContext http, FakeWixState state)
    {
        var token = Wire.Str(Wire.ReadObject(http), "token") ?? throw WixErrors.BadRequest("token", "is required");
        if (token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = token[7..];
        }

        lock (state.Sync)
        {
            if (!state.Tokens.TryGetValue(token, out var grant))
            {
                throw WixErrors.Unauthorized("INVALID_TOKEN", "invalid token");
            }

            var instance = state.InstanceById(grant.InstanceId)!;
            return Wire.Json(new JsonObject
            {
                ["active"] = grant.ExpiresAt > state.Time.GetUtcNow(),
                ["subjectType"] = "APP",
                ["subjectId"] = state.AppId,
                ["clientId"] = state.AppId,
                ["instanceId"] = grant.InstanceId,
                ["siteId"] = instance.SiteId,
                ["iat"] = grant.IssuedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                ["exp"] = grant.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            });
        }
    }

    private static IResult AppInstance(HttpContext http, FakeWixState state)
    {
        var instance = AuthMiddleware.Caller(http);
        return Wire.Json(new JsonObject
        {
            ["instance"] = new JsonObject
            {
                ["instanceId"] = instance.InstanceId,
                ["appName"] = state.AppName,
                ["appVersion"] = "1.0.0",
                ["isFree"] = true,
                ["permissions"] = new JsonArray("WIX_STORES.READ_PRODUCTS", "WIX_ECOM.MANAGE_CHECKOUTS", "WIX_ECOM.MANAGE_ORDERS", "WIX_ECOM.READ_ORDERS"),
            },
            ["site"] = new JsonObject
            {
                ["siteId"] = instance.SiteId,
                ["siteDisplayName"] = instance.SiteDisplayName,
                ["locale"] = instance.Locale,
                ["paymentCurrency"] = instance.Currency,
                ["url"] = instance.SiteUrl.AbsoluteUri,
                ["multilingual"] = new JsonObject { ["isMultiLingual"] = false },
            },
        });
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
