using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace WixUcp.Signatures;

/// <summary>
/// The business's EC P-256 signing keys: the current one signs responses (and, with the webhook work, webhooks); it and
/// the retired ones still in their grace period are published in the profile under stable RFC 7638 key ids.
/// </summary>
public sealed class UcpSigningKeys : IDisposable
{
    private readonly ECDsa _current;

    /// <summary>Loads the configured keys, or generates a process-local key when none is configured.</summary>
    /// <param name="options">The settings (<c>WixUcp:Signing</c>).</param>
    public UcpSigningKeys(IOptions<WixUcpOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value.Signing;
        _current = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (settings.PrivateKeyPem is { Length: > 0 } pem)
        {
            _current.ImportFromPem(pem);
            RequireP256(_current, "WixUcp:Signing:PrivateKeyPem");
        }
        else
        {
            IsGenerated = true;
        }

        var current = Publish(_current);
        CurrentKeyId = current.KeyId;
        var published = new List<PublicSigningKey> { current };
        foreach (var retired in settings.RetiredPublicKeyPems)
        {
            using var key = ECDsa.Create();
            key.ImportFromPem(retired);
            RequireP256(key, "WixUcp:Signing:RetiredPublicKeyPems");
            var jwk = Publish(key);
            if (published.All(k => k.KeyId != jwk.KeyId))
            {
                published.Add(jwk);
            }
        }

        PublishedKeys = published;
    }

    /// <summary>The key id of the current key.</summary>
    public string CurrentKeyId { get; }

    /// <summary>The current key and the retired keys still published.</summary>
    public IReadOnlyList<PublicSigningKey> PublishedKeys { get; }

    /// <summary>True when no key was configured and this process generated its own (development only).</summary>
    public bool IsGenerated { get; }

    /// <summary>
    /// Signs a response over its status, <c>Content-Digest</c> and <c>Content-Type</c>, as UCP 2026-04-08 defines response
    /// signatures, with the label <c>sig1</c>.
    /// </summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="contentType">The <c>Content-Type</c> value sent.</param>
    /// <param name="body">The exact body bytes sent.</param>
    /// <param name="now">The signing time (<c>created</c>).</param>
    /// <returns>The three header values.</returns>
    public SignatureHeaders SignResponse(int statusCode, string contentType, ReadOnlySpan<byte> body, DateTimeOffset now) =>
        Sign([("@status", statusCode.ToString("D3", CultureInfo.InvariantCulture))], contentType, body, now);

    /// <summary>
    /// Signs a message with the current key: the given components, then <c>content-digest</c> and <c>content-type</c>,
    /// with the label <c>sig1</c>.
    /// </summary>
    internal SignatureHeaders Sign(IReadOnlyList<(string Name, string Value)> components, string contentType, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        var digest = ContentDigest.Create(body);
        List<(string Name, string Value)> covered = [.. components, ("content-digest", digest), ("content-type", contentType)];
        var parameters = HttpMessageSignature.SignatureParams(covered.Select(c => c.Name), now.ToUnixTimeSeconds(), CurrentKeyId);
        var signatureBase = HttpMessageSignature.Base([.. covered.Select(c => new SignatureComponent($"\"{c.Name}\"", c.Value))], parameters);
        var signature = HttpMessageSignature.Sign(_current, signatureBase);
        return new SignatureHeaders(digest, "sig1=" + parameters, "sig1=:" + Convert.ToBase64String(signature) + ":");
    }

    /// <summary>
    /// A detached JWS (RFC 7515 with RFC 7797 <c>b64:false</c>) over the raw body with the current key, as 2026-01-23
    /// signs webhooks in <c>Request-Signature</c>: <c>{header}..{signature}</c>, ES256 over <c>{header}.{body}</c>.
    /// </summary>
    internal string SignDetached(ReadOnlySpan<byte> body)
    {
        var json = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new System.Text.Json.Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString("alg", "ES256");
            writer.WriteString("kid", CurrentKeyId);
            writer.WriteBoolean("b64", false);
            writer.WriteStartArray("crit");
            writer.WriteStringValue("b64");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var header = System.Buffers.Text.Base64Url.EncodeToString(json.WrittenSpan);
        var input = new byte[header.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(header, input);
        input[header.Length] = (byte)'.';
        body.CopyTo(input.AsSpan(header.Length + 1));
        var signature = _current.SignData(input, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return header + ".." + System.Buffers.Text.Base64Url.EncodeToString(signature);
    }

    /// <inheritdoc/>
    public void Dispose() => _current.Dispose();

    /// <summary>The public JWK of a P-256 key, with its RFC 7638 thumbprint as key id.</summary>
    internal static PublicSigningKey Publish(ECDsa key)
    {
        var point = key.ExportParameters(includePrivateParameters: false).Q;
        var x = Base64Url(point.X!);
        var y = Base64Url(point.Y!);

        // RFC 7638: the required members in lexicographic order, no white space.
        var canonical = $$"""{"crv":"P-256","kty":"EC","x":"{{x}}","y":"{{y}}"}""";
        return new PublicSigningKey { KeyId = Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), X = x, Y = y };
    }

    private static void RequireP256(ECDsa key, string setting)
    {
        if (key.KeySize != 256)
        {
            throw new InvalidOperationException($"{setting} must hold EC P-256 keys.");
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
