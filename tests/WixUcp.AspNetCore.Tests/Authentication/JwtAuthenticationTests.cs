using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Authentication;

/// <summary>Tokens as a platform's issuer would mint them, for the hosts below.</summary>
internal static class Tokens
{
    public const string Issuer = "https://issuer.test/";
    public const string Audience = "https://shop.test/";
    public const string Secret = "hs256-test-secret-0123456789abcdef-0123456789";

    public static string Create(
        SecurityKey key, string algorithm, string profile, string scope = "products:read checkout:write checkout:read",
        string issuer = Issuer, string audience = Audience, DateTime? expires = null, object? profileClaim = null, string subject = "platform_jwt")
    {
        var now = DateTime.UtcNow;
        var notBefore = expires is { } e && e < now ? e.AddMinutes(-10) : now.AddMinutes(-1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires ?? now.AddMinutes(10),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["scope"] = scope, ["ucp_profile"] = profileClaim ?? profile },
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }

    public static SymmetricSecurityKey HsKey(string secret = Secret) => new(Encoding.UTF8.GetBytes(secret));

    /// <summary>An unsigned token (<c>alg: none</c>) with the claims of a good one.</summary>
    public static string Unsigned(string profile)
    {
        static string Part(string json) => Base64UrlEncoder.Encode(json);
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        return Part("""{"alg":"none","typ":"JWT"}""") + "."
            + Part($$"""{"sub":"platform_jwt","scope":"products:read","ucp_profile":"{{profile}}","iss":"{{Issuer}}","aud":"{{Audience}}","exp":{{exp}}}""") + ".";
    }
}

public sealed class HsJwtFixture() : UcpFixture(new Dictionary<string, string>
{
    ["WixUcp:Auth:Enabled"] = "true",
    ["UCP_JWT_ISSUER"] = Tokens.Issuer,
    ["UCP_JWT_AUDIENCE"] = Tokens.Audience,
    ["UCP_JWT_SECRET"] = Tokens.Secret,
})
{
    public UcpClient Bearer(string token, string profile = FakePlatform.AllCapabilities)
    {
        var http = App.CreateClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return new UcpClient(http, Platform.Agent(profile));
    }

    public string Profile(string name = FakePlatform.AllCapabilities) => Platform.ProfileUrl(name).AbsoluteUri;
}

public sealed class HsJwtAuthenticationTests(HsJwtFixture fixture) : IClassFixture<HsJwtFixture>
{
    private const string Search = """{"query":"tea"}""";

    [Fact]
    public async Task A_valid_token_authenticates_its_platform_with_the_permissions_of_its_scope()
    {
        var client = fixture.Bearer(Tokens.Create(Tokens.HsKey(), SecurityAlgorithms.HmacSha256, fixture.Profile(), scope: "products:read"));

        var search = await client.PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);
        var create = await client.PostAsync("/ucp/checkout-sessions", Checkouts.Create());

        Assert.Equal(HttpStatusCode.OK, search.Status);
        Assert.Equal(HttpStatusCode.Forbidden, create.Status);
        Assert.Contains("scope=\"checkout:write\"", create.Header("WWW-Authenticate"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_profile_claim_may_be_an_array()
    {
        var token = Tokens.Create(Tokens.HsKey(), SecurityAlgorithms.HmacSha256, "", profileClaim: new[] { "https://elsewhere.example/ucp", fixture.Profile() });
        var response = await fixture.Bearer(token).PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);
        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    public static TheoryData<string, string> BadTokens()
    {
        return new()
        {
            { "expired", "The token has expired." },
            { "wrong-issuer", "The token's issuer is not accepted." },
            { "wrong-audience", "The token's audience is not this server." },
            { "wrong-secret", "The token's signature is not valid." },
            { "tampered", "The token's signature is not valid." },
            { "alg-none", "The token's signature is not valid." },
            { "no-profile", "The token has no ucp_profile claim naming the profiles the platform may present." },
            { "garbage", "The token is not valid." },
        };
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Bad_tokens_answer_401_invalid_token_and_say_why(string kind, string reason)
    {
        var profile = fixture.Profile();
        var good = Tokens.Create(Tokens.HsKey(), SecurityAlgorithms.HmacSha256, profile);
        var token = kind switch
        {
            "expired" => Tokens.Create(Tokens.HsKey(), SecurityAlgorithms.HmacSha256, profile, expires: DateTime.UtcNow.AddMinutes(-5)),
            "wrong-issuer" => Tokens.Create(Tokens.HsKey(), SecurityAlgorithms.HmacSha256, profile, issuer: "https://evil.test/"),
            "wrong-audience" => Tokens.Create(Tokens.HsKey(), SecurityAlgorithms.HmacSha256, profile, audience: "https://other-shop.test/"),
            "wrong-secret" => Tokens.Create(Tokens.HsKey("another-secret-of-enough-length-0123456789"), SecurityAlgorithms.HmacSha256, profile),
            "tampered" => Tamper(good),
            "alg-none" => Tokens.Unsigned(profile),
            "no-profile" => Tokens.Create(Tokens.HsKey(), SecurityAlgorithms.HmacSha256, profile, profileClaim: "not a url"),
            _ => "not.a.jwt",
        };

        var response = await fixture.Bearer(token).PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(("unauthorized", reason), (response.Json["code"]!.GetValue<string>(), response.Json["content"]!.GetValue<string>()));
        Assert.Contains("Bearer realm=\"ucp\", error=\"invalid_token\"", response.Header("WWW-Authenticate"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_may_only_present_its_own_profiles()
    {
        var token = Tokens.Create(Tokens.HsKey(), SecurityAlgorithms.HmacSha256, fixture.Profile());
        var response = await fixture.Bearer(token, profile: "other-platform").PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("profile_not_trusted", response.Json["code"]!.GetValue<string>());
    }

    // Swaps the payload for one granting more, keeping the original signature.
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("products:read", "orders:read", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }
}

/// <summary>A host taking RS256/ES256 tokens from an issuer's JWKS served on loopback.</summary>
public sealed class JwksFixture : IAsyncLifetime
{
    private WebApplication? _issuer;

    public RSA Rsa { get; } = RSA.Create(2048);

    public ECDsa Ec { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public FakePlatform Platform { get; } = new();

    public UcpAppFactory App { get; private set; } = null!;

    private int _jwksFetches;

    public int JwksFetches => Volatile.Read(ref _jwksFetches);

    public RsaSecurityKey RsaKey => new(Rsa) { KeyId = "rsa1" };

    public ECDsaSecurityKey EcKey => new(Ec) { KeyId = "ec1" };

    public async ValueTask InitializeAsync()
    {
        await Platform.InitializeAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _issuer = builder.Build();
        var rsaJwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(Rsa.ExportParameters(false)) { KeyId = "rsa1" });
        var ecJwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(Ec.ExportParameters(false))) { KeyId = "ec1" });
        var jwks = System.Text.Json.JsonSerializer.Serialize(new
        {
            keys = new object[]
            {
                new { kty = rsaJwk.Kty, kid = rsaJwk.Kid, use = "sig", alg = "RS256", n = rsaJwk.N, e = rsaJwk.E },
                new { kty = ecJwk.Kty, kid = ecJwk.Kid, use = "sig", alg = "ES256", crv = ecJwk.Crv, x = ecJwk.X, y = ecJwk.Y },
            },
        });
        _issuer.MapGet("/jwks", () =>
        {
            Interlocked.Increment(ref _jwksFetches);
            return Results.Text(jwks, "application/json");
        });
        await _issuer.StartAsync();
        var address = _issuer.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        App = new UcpAppFactory(new Dictionary<string, string>
        {
            ["WixUcp:Auth:Enabled"] = "true",
            ["UCP_JWT_ISSUER"] = Tokens.Issuer,
            ["UCP_JWT_AUDIENCE"] = Tokens.Audience,
            ["UCP_JWT_JWKS_URL"] = address.TrimEnd('/') + "/jwks",
        });
    }

    public UcpClient Bearer(string token)
    {
        var http = App.CreateClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return new UcpClient(http, Platform.Agent());
    }

    public string Profile => Platform.ProfileUrl(FakePlatform.AllCapabilities).AbsoluteUri;

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await _issuer!.DisposeAsync();
        await Platform.DisposeAsync();
        Rsa.Dispose();
        Ec.Dispose();
    }
}

public sealed class JwksJwtAuthenticationTests(JwksFixture fixture) : IClassFixture<JwksFixture>
{
    private const string Search = """{"query":"tea"}""";

    [Fact]
    public async Task RS256_and_ES256_tokens_signed_with_published_keys_are_accepted()
    {
        var rs = await fixture.Bearer(Tokens.Create(fixture.RsaKey, SecurityAlgorithms.RsaSha256, fixture.Profile)).PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);
        var es = await fixture.Bearer(Tokens.Create(fixture.EcKey, SecurityAlgorithms.EcdsaSha256, fixture.Profile)).PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (rs.Status, es.Status));
    }

    [Fact]
    public async Task An_unknown_kid_is_refused_and_refetches_the_keys_at_most_once_a_minute()
    {
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = Tokens.Create(new ECDsaSecurityKey(stranger) { KeyId = "ec-unknown" }, SecurityAlgorithms.EcdsaSha256, fixture.Profile);
        await fixture.Bearer(Tokens.Create(fixture.EcKey, SecurityAlgorithms.EcdsaSha256, fixture.Profile)).PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);
        var before = fixture.JwksFetches;

        var responses = new List<UcpResponse>();
        for (var i = 0; i < 5; i++)
        {
            responses.Add(await fixture.Bearer(token).PostAsync("/ucp/catalog/search", Search, idempotencyKey: null));
        }

        Assert.All(responses, r => Assert.Equal((HttpStatusCode.Unauthorized, "The token's signing key is not known."), (r.Status, r.Json["content"]!.GetValue<string>())));
        Assert.True(fixture.JwksFetches - before <= 1, "unknown kids must not drive a fetch per request");
    }

    [Fact]
    public async Task An_HS256_token_keyed_with_the_RSA_public_key_is_refused()
    {
        // The classic confusion: the public key's bytes used as an HMAC secret, under the RSA key's kid.
        var publicKeyBytes = fixture.Rsa.ExportSubjectPublicKeyInfo();
        var token = Tokens.Create(new SymmetricSecurityKey(publicKeyBytes) { KeyId = "rsa1" }, SecurityAlgorithms.HmacSha256, fixture.Profile);

        var response = await fixture.Bearer(token).PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    [Fact]
    public async Task An_unsigned_token_is_refused()
    {
        var response = await fixture.Bearer(Tokens.Unsigned(fixture.Profile)).PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }
}

public sealed class JwtStartupTests
{
    [Fact]
    public async Task A_short_HS256_secret_stops_start_up_naming_the_setting()
    {
        await using var factory = new UcpAppFactory(new Dictionary<string, string>
        {
            ["WixUcp:Auth:Enabled"] = "true",
            ["UCP_JWT_ISSUER"] = Tokens.Issuer,
            ["UCP_JWT_AUDIENCE"] = Tokens.Audience,
            ["UCP_JWT_SECRET"] = "too-short",
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.Contains(validation!.Failures, f => f.Contains("UCP_JWT_SECRET", StringComparison.Ordinal) && f.Contains("32 bytes", StringComparison.Ordinal));
    }
}
