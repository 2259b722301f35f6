using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using WixUcp.Signatures;

namespace WixUcp.Core.Tests.Signatures;

/// <summary>Byte for byte against the examples of RFC 9530 and RFC 9421 Appendix B.</summary>
public sealed class Rfc9421VectorTests
{
    // RFC 9421 B.1.3, test-key-ecc-p256 (public half).
    private const string TestKeyEccP256 = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEqIVYZVLCrPZHGHjP17CTW0/+D9Lf
        w0EkjqF7xB4FivAxzic30tMM4GF+hR6Dxh71Z50VGGdldkkDXZCnTNnoXQ==
        -----END PUBLIC KEY-----
        """;

    // RFC 9421 B.2.4, the signature base of the test response signed with test-key-ecc-p256.
    private const string B24Base =
        "\"@status\": 200\n" +
        "\"content-type\": application/json\n" +
        "\"content-digest\": sha-512=:mEWXIS7MaLRuGgxOBdODa3xqM1XdEvxoYhvlCFJ41QJgJc4GTsPp29l5oGX69wWdXymyU0rjJuahq4l5aGgfLQ==:\n" +
        "\"content-length\": 23\n" +
        "\"@signature-params\": (\"@status\" \"content-type\" \"content-digest\" \"content-length\");created=1618884473;keyid=\"test-key-ecc-p256\"";

    private const string B24Signature = "wNmSUAhwb5LxtOtOpNa6W5xj067m5hFrj0XQ4fvpaCLx0NKocgPquLgyahnzDnDAUy5eCdlYUEkLIj+32oiasw==";

    [Fact]
    public void Content_digest_matches_the_rfc_examples()
    {
        // The test request body of RFC 9421 B.2 and its digests.
        var request = """{"hello": "world"}"""u8;

        Assert.Equal("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:", ContentDigest.Create(request));
        Assert.True(ContentDigest.Matches("sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:", request));
        Assert.True(ContentDigest.Matches("sha-512=:mEWXIS7MaLRuGgxOBdODa3xqM1XdEvxoYhvlCFJ41QJgJc4GTsPp29l5oGX69wWdXymyU0rjJuahq4l5aGgfLQ==:", """{"message": "good dog"}"""u8));
        Assert.False(ContentDigest.Matches("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:", """{"hello": "World"}"""u8));
        Assert.False(ContentDigest.Matches("md5=:AAAA:", request));
        Assert.False(ContentDigest.Matches("sha-256=X48E9", request));
    }

    [Fact]
    public void The_signature_base_of_B24_is_rebuilt_exactly_and_its_signature_verifies()
    {
        var parameters = HttpMessageSignature.SignatureParams(["@status", "content-type", "content-digest", "content-length"], 1618884473, "test-key-ecc-p256");
        var signatureBase = HttpMessageSignature.Base(
            [
                new SignatureComponent("\"@status\"", "200"),
                new SignatureComponent("\"content-type\"", "application/json"),
                new SignatureComponent("\"content-digest\"", "sha-512=:mEWXIS7MaLRuGgxOBdODa3xqM1XdEvxoYhvlCFJ41QJgJc4GTsPp29l5oGX69wWdXymyU0rjJuahq4l5aGgfLQ==:"),
                new SignatureComponent("\"content-length\"", "23"),
            ],
            parameters);
        using var key = ECDsa.Create();
        key.ImportFromPem(TestKeyEccP256);

        Assert.Equal(B24Base, signatureBase);
        Assert.True(HttpMessageSignature.Verify(key, signatureBase, Convert.FromBase64String(B24Signature)));
        Assert.False(HttpMessageSignature.Verify(key, signatureBase.Replace("200", "201", StringComparison.Ordinal), Convert.FromBase64String(B24Signature)));
    }

    [Fact]
    public void A_signed_response_verifies_with_the_published_key_and_its_kid_is_the_jwk_thumbprint()
    {
        using var keys = new UcpSigningKeys(Options.Create(new WixUcpOptions()));
        var body = """{"id":"chk_1","status":"completed"}"""u8;

        var signed = keys.SignResponse(200, "application/json", body, DateTimeOffset.FromUnixTimeSeconds(1767225600));

        var published = Assert.Single(keys.PublishedKeys);
        Assert.Equal(keys.CurrentKeyId, published.KeyId);
        Assert.Equal($"sig1=(\"@status\" \"content-digest\" \"content-type\");created=1767225600;keyid=\"{published.KeyId}\"", signed.SignatureInput);
        var thumbprintInput = $$"""{"crv":"P-256","kty":"EC","x":"{{published.X}}","y":"{{published.Y}}"}""";
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(thumbprintInput))).TrimEnd('=').Replace('+', '-').Replace('/', '_'), published.KeyId);

        using var verifier = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = FromBase64Url(published.X), Y = FromBase64Url(published.Y) },
        });
        var signatureBase = "\"@status\": 200\n\"content-digest\": " + ContentDigest.Create(body) + "\n\"content-type\": application/json\n\"@signature-params\": " + signed.SignatureInput["sig1=".Length..];
        Assert.True(HttpMessageSignature.Verify(verifier, signatureBase, Convert.FromBase64String(signed.Signature["sig1=:".Length..^1])));
    }

    private static byte[] FromBase64Url(string value) =>
        Convert.FromBase64String(value.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (value.Length % 4)) % 4));
}
