using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WixUcp.Signatures;

/// <summary>
/// RFC 9421 HTTP Message Signatures with ECDSA P-256 / SHA-256 (<c>ecdsa-p256-sha256</c>, UCP's mandatory ES256): the
/// signature base (§2.5), the <c>@signature-params</c> serialization (§2.3), and signing and verifying with raw
/// <c>r||s</c> signatures (§3.3.4).
/// </summary>
public static class HttpMessageSignature
{
    /// <summary>Serializes signature parameters: the covered components as an inner list, then <c>created</c> and <c>keyid</c>.</summary>
    /// <param name="componentNames">Component names, for example <c>@status</c> or <c>content-type</c> (lower case).</param>
    /// <param name="created">The <c>created</c> parameter (Unix seconds).</param>
    /// <param name="keyId">The <c>keyid</c> parameter.</param>
    /// <returns>For example <c>("@status" "content-type");created=1618884473;keyid="k1"</c>.</returns>
    public static string SignatureParams(IEnumerable<string> componentNames, long created, string keyId)
    {
        ArgumentNullException.ThrowIfNull(componentNames);
        var text = new StringBuilder("(");
        text.AppendJoin(' ', componentNames.Select(Quote));
        text.Append(");created=").Append(created.ToString(CultureInfo.InvariantCulture));
        text.Append(";keyid=").Append(Quote(keyId));
        return text.ToString();
    }

    /// <summary>The signature base: one line per component, then the <c>@signature-params</c> line; no trailing newline.</summary>
    /// <param name="components">The covered components in <c>Signature-Input</c> order.</param>
    /// <param name="signatureParams">The serialized signature parameters.</param>
    /// <returns>The base, to be signed as UTF-8.</returns>
    public static string Base(IReadOnlyList<SignatureComponent> components, string signatureParams)
    {
        ArgumentNullException.ThrowIfNull(components);
        var text = new StringBuilder();
        foreach (var component in components)
        {
            if (component.Value.Contains('\n', StringComparison.Ordinal) || component.Value.Contains('\r', StringComparison.Ordinal))
            {
                throw new ArgumentException("A component value may not contain line breaks.", nameof(components));
            }

            text.Append(component.Identifier).Append(": ").Append(component.Value).Append('\n');
        }

        return text.Append("\"@signature-params\": ").Append(signatureParams).ToString();
    }

    /// <summary>Signs a base with ECDSA P-256 / SHA-256.</summary>
    /// <param name="key">A P-256 private key.</param>
    /// <param name="signatureBase">The signature base.</param>
    /// <returns>The 64-byte raw <c>r||s</c> signature.</returns>
    public static byte[] Sign(ECDsa key, string signatureBase)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.SignData(Encoding.UTF8.GetBytes(signatureBase), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>Verifies an ECDSA P-256 / SHA-256 signature over a base.</summary>
    /// <param name="key">The signer's P-256 public key.</param>
    /// <param name="signatureBase">The signature base as rebuilt by the verifier.</param>
    /// <param name="signature">The raw <c>r||s</c> signature.</param>
    /// <returns>True when it verifies.</returns>
    public static bool Verify(ECDsa key, string signatureBase, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        return signature.Length == 64
            && key.VerifyData(Encoding.UTF8.GetBytes(signatureBase), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>An RFC 8941 string: quoted, with backslashes and quotes escaped; only printable ASCII is allowed.</summary>
    private static string Quote(string value)
    {
        if (value.Any(c => c is < ' ' or > '~'))
        {
            throw new ArgumentException("Structured-field strings are printable ASCII.", nameof(value));
        }

        return "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }
}
