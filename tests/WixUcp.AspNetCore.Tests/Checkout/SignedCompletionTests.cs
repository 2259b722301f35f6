using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Checkout;

/// <summary>
/// A completion answer is signed (RFC 9421) and verifies with an independent verifier written here from the RFC text
/// and the key the business publishes in its profile; the profile itself is checked against the official schema by the client.
/// </summary>
public sealed partial class SignedCompletionTests(UcpFixture fixture) : IClassFixture<UcpFixture>
{
    [Fact]
    public async Task The_complete_response_verifies_against_the_published_signing_key()
    {
        var client = fixture.Client();
        var profile = (await client.GetAsync("/.well-known/ucp")).Json;
        var ready = await Checkouts.ReadyAsync(client);
        var completed = await client.PostAsync($"/ucp/checkout-sessions/{ready["id"]!.GetValue<string>()}/complete", Checkouts.Complete());

        Assert.Equal(HttpStatusCode.OK, completed.Status);
        Assert.True(Verify(completed, profile, completed.Bytes));
        var tampered = completed.Bytes.ToArray();
        tampered[^2] ^= 1;
        Assert.False(Verify(completed, profile, tampered));
    }

    // RFC 9421 §3.2, for ecdsa-p256-sha256: parse Signature-Input, check Content-Digest (RFC 9530), rebuild the base in
    // the listed order, find the JWK by keyid, verify the raw r||s signature.
    private static bool Verify(UcpResponse response, JsonNode profile, byte[] body)
    {
        var input = SignatureInputPattern().Match(response.Header("Signature-Input")!);
        var signature = SignaturePattern().Match(response.Header("Signature")!);
        Assert.True(input.Success && signature.Success);
        Assert.Equal(input.Groups["label"].Value, signature.Groups["label"].Value);

        var digest = response.Header("Content-Digest")!;
        if (digest != "sha-256=:" + Convert.ToBase64String(SHA256.HashData(body)) + ":")
        {
            return false;
        }

        var lines = new StringBuilder();
        foreach (Match component in ComponentPattern().Matches(input.Groups["components"].Value))
        {
            var name = component.Groups[1].Value;
            var value = name == "@status" ? ((int)response.Status).ToString("D3", System.Globalization.CultureInfo.InvariantCulture) : response.Header(name)!.Trim();
            lines.Append('"').Append(name).Append("\": ").Append(value).Append('\n');
        }

        lines.Append("\"@signature-params\": ").Append(input.Groups["params"].Value);
        var jwk = profile["signing_keys"]!.AsArray().Single(k => k!["kid"]!.GetValue<string>() == input.Groups["keyid"].Value)!;
        Assert.Equal(("EC", "P-256", "ES256"), (jwk["kty"]!.GetValue<string>(), jwk["crv"]!.GetValue<string>(), jwk["alg"]!.GetValue<string>()));
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url(jwk["x"]!.GetValue<string>()), Y = Base64Url(jwk["y"]!.GetValue<string>()) },
        });
        return key.VerifyData(Encoding.UTF8.GetBytes(lines.ToString()), Convert.FromBase64String(signature.Groups["value"].Value), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private static byte[] Base64Url(string value) =>
        Convert.FromBase64String(value.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (value.Length % 4)) % 4));

    [GeneratedRegex("""^(?<label>[a-z][a-z0-9_.*-]*)=(?<params>\((?<components>[^)]*)\)(?:;[a-z]+=(?:"[^"]*"|\d+))*?;keyid="(?<keyid>[^"]+)"(?:;[a-z]+=(?:"[^"]*"|\d+))*)$""")]
    private static partial Regex SignatureInputPattern();

    [GeneratedRegex("""^(?<label>[a-z][a-z0-9_.*-]*)=:(?<value>[A-Za-z0-9+/=]+):$""")]
    private static partial Regex SignaturePattern();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex ComponentPattern();
}
