using System.Security.Cryptography;
using WixUcp.Protocol;

namespace WixUcp.Signatures;

/// <summary>
/// The <c>Content-Digest</c> field of RFC 9530 over the exact body bytes (no JSON canonicalisation), as UCP signatures
/// cover it: <c>sha-256=:&lt;base64&gt;:</c>.
/// </summary>
public static class ContentDigest
{
    /// <summary>The field value for a body, with SHA-256.</summary>
    /// <param name="body">The exact bytes sent.</param>
    /// <returns>For example <c>sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:</c>.</returns>
    public static string Create(ReadOnlySpan<byte> body) => "sha-256=:" + Convert.ToBase64String(SHA256.HashData(body)) + ":";

    /// <summary>
    /// Whether a received field value matches the body. Every <c>sha-256</c> and <c>sha-512</c> member must match and at
    /// least one must be present; other algorithms are ignored (RFC 9530 lets a receiver skip unknown ones).
    /// </summary>
    /// <param name="fieldValue">The received <c>Content-Digest</c>.</param>
    /// <param name="body">The exact bytes received.</param>
    /// <returns>True when the digest is well-formed and matches.</returns>
    public static bool Matches(string? fieldValue, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrWhiteSpace(fieldValue) || !StructuredFieldParser.TryParseDictionary(fieldValue, out var members, out _))
        {
            return false;
        }

        var checkedOne = false;
        foreach (var (algorithm, member) in members)
        {
            byte[]? expected = algorithm switch
            {
                "sha-256" => SHA256.HashData(body),
                "sha-512" => SHA512.HashData(body),
                _ => null,
            };
            if (expected is null)
            {
                continue;
            }

            if (!member.TryGetByteSequence(out var received) || !CryptographicOperations.FixedTimeEquals(received, expected))
            {
                return false;
            }

            checkedOne = true;
        }

        return checkedOne;
    }
}
