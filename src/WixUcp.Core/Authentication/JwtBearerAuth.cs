using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace WixUcp.Authentication;

/// <summary>
/// Verifies JWT bearer tokens with <see cref="JsonWebTokenHandler"/>: signature (HS256 with the configured secret, or
/// RS256/ES256 with the issuer's JWKS, never both, so no algorithm confusion and no <c>alg: none</c>), issuer,
/// audience, expiry and not-before. <c>sub</c> is the platform, <c>scope</c> its permissions and <c>ucp_profile</c>
/// (a string or an array) the profiles it may present.
/// </summary>
internal sealed class JwtBearerAuth(IOptions<WixUcpOptions> options, JwksKeySource jwks) : IUcpAuth
{
    private const string ProfileClaim = "ucp_profile";
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly JwtOptions _options = options.Value.Auth.Jwt;
    private readonly SymmetricSecurityKey? _secret = options.Value.Auth.Jwt.Secret is { Length: > 0 } secret
        ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret))
        : null;

    private KeyedParameters? _parameters;

    public string Scheme => "Bearer";

    public async ValueTask<UcpAuthResult> AuthenticateAsync(string credential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var result = await ValidateAsync(credential, cancellationToken).ConfigureAwait(false);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException && _secret is null
            && await jwks.RefreshForUnknownKeyAsync(cancellationToken).ConfigureAwait(false))
        {
            result = await ValidateAsync(credential, cancellationToken).ConfigureAwait(false);
        }

        if (!result.IsValid)
        {
            // With one shared secret there is no key to find: a mismatch is a bad signature.
            return UcpAuthResult.Refused(result.Exception is SecurityTokenSignatureKeyNotFoundException && _secret is not null
                ? "The token's signature is not valid."
                : Reason(result.Exception));
        }

        var claims = result.ClaimsIdentity;
        var platform = claims.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(platform))
        {
            return UcpAuthResult.Refused("The token has no sub claim naming the platform.");
        }

        var profiles = Profiles(claims);
        if (profiles.Count == 0)
        {
            return UcpAuthResult.Refused("The token has no ucp_profile claim naming the profiles the platform may present.");
        }

        var permissions = (claims.FindFirst("scope")?.Value ?? "")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(UcpPermissions.All.Contains)
            .ToArray();
        return UcpAuthResult.Success(new UcpIdentity { PlatformId = platform, Permissions = permissions, Profiles = profiles });
    }

    private async Task<TokenValidationResult> ValidateAsync(string token, CancellationToken cancellationToken) =>
        await _handler.ValidateTokenAsync(token, await ParametersAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

    // Built once per key set (the secret, or each JWKS fetch), not per token; never mutated once shared.
    private async ValueTask<TokenValidationParameters> ParametersAsync(CancellationToken cancellationToken)
    {
        var built = _parameters;
        if (built is not null && _secret is not null)
        {
            return built.Parameters;
        }

        IReadOnlyList<SecurityKey> keys = _secret is null ? await jwks.GetKeysAsync(cancellationToken).ConfigureAwait(false) : [_secret];
        if (built is not null && ReferenceEquals(built.Keys, keys))
        {
            return built.Parameters;
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = _options.Issuer,
            ValidAudience = _options.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = _options.ClockSkew,
            ValidAlgorithms = _secret is null ? [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256] : [SecurityAlgorithms.HmacSha256],
            IssuerSigningKeys = keys,

            // A token whose kid is not among the keys must fail rather than be tried against every key.
            TryAllIssuerSigningKeys = _secret is not null,
        };
        _parameters = new KeyedParameters(keys, parameters);
        return parameters;
    }

    private static List<string> Profiles(ClaimsIdentity claims)
    {
        var profiles = new List<string>();
        foreach (var claim in claims.FindAll(ProfileClaim))
        {
            // An array claim arrives as one claim per element, or as JSON when nested.
            if (claim.ValueType == JsonClaimValueTypes.JsonArray)
            {
                using var array = JsonDocument.Parse(claim.Value);
                profiles.AddRange(array.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
            }
            else
            {
                profiles.Add(claim.Value);
            }
        }

        return [.. profiles.Where(p => p != "*" && Uri.TryCreate(p, UriKind.Absolute, out _)).Take(16)];
    }

    private static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not valid yet.",
        SecurityTokenInvalidIssuerException => "The token's issuer is not accepted.",
        SecurityTokenInvalidAudienceException => "The token's audience is not this server.",
        SecurityTokenSignatureKeyNotFoundException => "The token's signing key is not known.",
        SecurityTokenInvalidAlgorithmException => "The token's algorithm is not accepted.",
        SecurityTokenInvalidSignatureException => "The token's signature is not valid.",
        SecurityTokenNoExpirationException => "The token has no expiry.",
        _ => "The token is not valid.",
    };

    private sealed record KeyedParameters(IReadOnlyList<SecurityKey> Keys, TokenValidationParameters Parameters);
}
