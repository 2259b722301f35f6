using System.Security.Cryptography;
using System.Text;

namespace WixUcp.AspNetCore.Tests.Infrastructure;

/// <summary>Signs a request as a UCP platform would, written from RFC 9421 and RFC 9530 independently of the product's code.</summary>
internal static class RequestSigner
{
    /// <param name="components">Covered components in order, with their values (derived ones included).</param>
    public static (string SignatureInput, string Signature) Sign(ECDsa key, string keyId, IReadOnlyList<(string Name, string Value)> components, long created)
    {
        var parameters = $"({string.Join(' ', components.Select(c => $"\"{c.Name}\""))});created={created};keyid=\"{keyId}\"";
        var lines = string.Concat(components.Select(c => $"\"{c.Name}\": {c.Value}\n")) + "\"@signature-params\": " + parameters;
        var signature = key.SignData(Encoding.UTF8.GetBytes(lines), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return ("sig1=" + parameters, $"sig1=:{Convert.ToBase64String(signature)}:");
    }

    /// <summary>A POST of a JSON body signed over the components UCP requires of a platform's request.</summary>
    public static HttpRequestMessage SignedPost(ECDsa key, string keyId, string authority, string path, string agent, byte[] body)
    {
        var digest = Digest(body);
        var (input, signature) = Sign(
            key,
            keyId,
            [("@method", "POST"), ("@authority", authority), ("@path", path), ("ucp-agent", agent), ("content-digest", digest), ("content-type", "application/json")],
            DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in new[] { ("UCP-Agent", agent), ("Content-Digest", digest), ("Signature-Input", input), ("Signature", signature) })
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    public static string Digest(byte[] body) => "sha-256=:" + Convert.ToBase64String(SHA256.HashData(body)) + ":";
}
