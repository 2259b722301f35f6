using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WixUcp.Authentication;
using WixUcp.Signatures;

namespace WixUcp.Benchmarks;

/// <summary>
/// The per-request cost of each credential check and of signing a <c>complete</c> answer, against a baseline measured
/// in the same run: SHA-256 of the same body (the cheapest thing any of them must do).
/// </summary>
[MemoryDiagnoser]
public class SecurityBenchmarks
{
    private const string Secret = "benchmark-hs256-secret-0123456789abcdef";

    // A typical complete response: an order-bearing checkout of about 2.5 KB.
    private static readonly byte[] CompleteBody = Encoding.UTF8.GetBytes(
        """{"ucp":{"version":"2026-04-08","status":"success","capabilities":{"dev.ucp.shopping.checkout":[{"version":"2026-04-08"}],"dev.ucp.shopping.fulfillment":[{"version":"2026-04-08","extends":"dev.ucp.shopping.checkout"}]},"payment_handlers":{}},"id":"chk_01JEXAMPLE0000000000000000","status":"completed","currency":"USD","line_items":[{"id":"li_1","item":{"id":"tea_matcha","title":"Ceremonial matcha","price":2800},"quantity":1,"totals":[{"type":"subtotal","amount":2800},{"type":"total","amount":2800}]},{"id":"li_2","item":{"id":"whisk_bamboo","title":"Bamboo whisk","price":1600},"quantity":1,"totals":[{"type":"subtotal","amount":1600},{"type":"total","amount":1600}]}],"buyer":{"email":"ada@example.com","first_name":"Ada","last_name":"Lovelace"},"totals":[{"type":"subtotal","amount":4400},{"type":"discount","amount":440},{"type":"fulfillment","amount":1400},{"type":"total","amount":5360}],"links":[{"type":"terms_of_service","url":"https://shop.example/terms"}],"order":{"id":"ord_01JEXAMPLE0000000000000000","permalink_url":"https://shop.example/orders/ord_01JEXAMPLE0000000000000000"}}"""
        + new string(' ', 1200));

    private IUcpAuth _apiKeys = null!;
    private IUcpAuth _jwt = null!;
    private string _apiKey = null!;
    private string _token = null!;
    private UcpSigningKeys _signingKeys = null!;
    private ECDsa _publicKey = null!;
    private string _signatureBase = null!;
    private byte[] _signature = null!;
    private ServiceProvider _services = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection()
            .AddLogging()
            .AddWixUcp(o =>
            {
                o.Auth.ApiKeyPepper = "benchmark-pepper-0123456789abcdef0123456789";
                o.Auth.Jwt.Issuer = "https://issuer.example/";
                o.Auth.Jwt.Audience = "https://shop.example/";
                o.Auth.Jwt.Secret = Secret;
            })
            .AddUcpJwtBearer()
            .Services.BuildServiceProvider();
        var verifiers = _services.GetServices<IUcpAuth>().ToArray();
        _apiKeys = verifiers.Single(v => v.Scheme == "ApiKey");
        _jwt = verifiers.Single(v => v.Scheme == "Bearer");
        _apiKey = _services.GetRequiredService<ApiKeyIssuer>()
            .IssueAsync("bench", ["https://platform.example/.well-known/ucp"], UcpPermissions.All, null, CancellationToken.None).GetAwaiter().GetResult().Key;
        _token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://issuer.example/",
            Audience = "https://shop.example/",
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object> { ["sub"] = "bench", ["scope"] = "checkout:write checkout:read", ["ucp_profile"] = "https://platform.example/.well-known/ucp" },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret)), SecurityAlgorithms.HmacSha256),
        });

        _signingKeys = _services.GetRequiredService<UcpSigningKeys>();
        var published = _signingKeys.PublishedKeys[0];
        _publicKey = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64UrlDecode(published.X), Y = Base64UrlDecode(published.Y) },
        });
        var signed = _signingKeys.SignResponse(200, "application/json", CompleteBody, DateTimeOffset.UtcNow);
        _signatureBase = SignatureBase(signed);
        _signature = Convert.FromBase64String(signed.Signature["sig1=:".Length..^1]);
        if (!HttpMessageSignature.Verify(_publicKey, _signatureBase, _signature))
        {
            throw new InvalidOperationException("The benchmark's signature does not verify.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _publicKey.Dispose();
        _services.Dispose();
    }

    [Benchmark(Baseline = true, Description = "baseline: SHA-256 of the complete body")]
    public byte[] Sha256Baseline() => SHA256.HashData(CompleteBody);

    [Benchmark(Description = "API key: verify (HMAC + in-memory store)")]
    public async Task<UcpIdentity?> ApiKeyVerify() => (await _apiKeys.AuthenticateAsync(_apiKey, CancellationToken.None)).Identity;

    [Benchmark(Description = "JWT: validate HS256")]
    public async Task<UcpIdentity?> JwtValidate() => (await _jwt.AuthenticateAsync(_token, CancellationToken.None)).Identity;

    [Benchmark(Description = "RFC 9421: sign a complete response")]
    public SignatureHeaders SignComplete() => _signingKeys.SignResponse(200, "application/json", CompleteBody, DateTimeOffset.UtcNow);

    [Benchmark(Description = "RFC 9421: verify a complete response")]
    public bool VerifyComplete() =>
        ContentDigest.Matches(ContentDigest.Create(CompleteBody), CompleteBody) && HttpMessageSignature.Verify(_publicKey, _signatureBase, _signature);

    private static string SignatureBase(SignatureHeaders signed) => HttpMessageSignature.Base(
        [
            new SignatureComponent("\"@status\"", "200"),
            new SignatureComponent("\"content-digest\"", signed.ContentDigest),
            new SignatureComponent("\"content-type\"", "application/json"),
        ],
        signed.SignatureInput["sig1=".Length..]);

    private static byte[] Base64UrlDecode(string value) => System.Buffers.Text.Base64Url.DecodeFromChars(value);
}
