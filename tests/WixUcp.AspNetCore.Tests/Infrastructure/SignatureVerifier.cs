using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WixUcp.AspNetCore.Tests.Infrastructure;

/// <summary>
/// An RFC 9421 verifier written from the RFC text, independent of the product's code, for <c>ecdsa-p256-sha256</c>:
/// parse <c>Signature-Input</c>, check <c>Content-Digest</c> (RFC 9530), rebuild the base in the listed order, find the
/// JWK by <c>keyid</c> in a business profile's <c>signing_keys</c>, verify the raw r||s signature.
/// </summary>
internal static partial class SignatureVerifier
{
    /// <param name="header">Reads a header of the signed message by lower-case name.</param>
    /// <param name="derived">Gives a derived component's value (<c>@status</c>, <c>@method</c>, <c>@authority</c>, <c>@path</c>).</param>
    public static bool Verify(Func<string, string?> header, Func<string, string> derived, JsonNode profile, byte[] body)
    {
        var input = SignatureInputPattern().Match(header("signature-input")!);
        var signature = SignaturePattern().Match(header("signature")!);
        Assert.True(input.Success && signature.Success);
        Assert.Equal(input.Groups["label"].Value, signature.Groups["label"].Value);

        if (header("content-digest") != "sha-256=:" + Convert.ToBase64String(SHA256.HashData(body)) + ":")
        {
            return false;
        }

        var lines = new StringBuilder();
        foreach (Match component in ComponentPattern().Matches(input.Groups["components"].Value))
        {
            var name = component.Groups[1].Value;
            var value = name.StartsWith('@') ? derived(name) : header(name)!.Trim();
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

    /// <summary>The covered component names of a <c>Signature-Input</c> value, in order.</summary>
    public static string[] Components(string signatureInput) =>
        [.. ComponentPattern().Matches(SignatureInputPattern().Match(signatureInput).Groups["components"].Value).Select(m => m.Groups[1].Value)];

    private static byte[] Base64Url(string value) =>
        Convert.FromBase64String(value.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (value.Length % 4)) % 4));

    [GeneratedRegex("""^(?<label>[a-z][a-z0-9_.*-]*)=(?<params>\((?<components>[^)]*)\)(?:;[a-z]+=(?:"[^"]*"|\d+))*?;keyid="(?<keyid>[^"]+)"(?:;[a-z]+=(?:"[^"]*"|\d+))*)$""")]
    private static partial Regex SignatureInputPattern();

    [GeneratedRegex("""^(?<label>[a-z][a-z0-9_.*-]*)=:(?<value>[A-Za-z0-9+/=]+):$""")]
    private static partial Regex SignaturePattern();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex ComponentPattern();
}
