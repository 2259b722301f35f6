using System.Security.Cryptography;
using WixUcp.Webhooks;

namespace WixUcp.Signatures;

/// <summary>The <see cref="IWebhookSigner"/> over the business's <see cref="UcpSigningKeys"/>.</summary>
internal sealed class WebhookSigner(UcpSigningKeys keys, TimeProvider time) : IWebhookSigner
{
    private const string HmacPrefix = "sha256=";

    public SignatureHeaders Sign(Uri target, string ucpAgent, string contentType, ReadOnlySpan<byte> body) =>
        Sign(target, ucpAgent, contentType, [], body);

    public SignatureHeaders SignWebhook(Uri target, string ucpAgent, string contentType, string webhookId, string webhookTimestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(webhookId);
        ArgumentNullException.ThrowIfNull(webhookTimestamp);
        return Sign(target, ucpAgent, contentType, [("webhook-id", webhookId), ("webhook-timestamp", webhookTimestamp)], body);
    }

    private SignatureHeaders Sign(Uri target, string ucpAgent, string contentType, (string Name, string Value)[] extra, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(ucpAgent);
        ArgumentNullException.ThrowIfNull(contentType);
        if (!target.IsAbsoluteUri)
        {
            throw new ArgumentException("A webhook target must be an absolute URL.", nameof(target));
        }

        // RFC 9421 §2.2.3: the host in lower case, with the port only when it is not the scheme's default.
        var authority = target.IsDefaultPort ? target.IdnHost.ToLowerInvariant() : $"{target.IdnHost.ToLowerInvariant()}:{target.Port}";
        return keys.Sign(
            [("@method", "POST"), ("@authority", authority), ("@path", target.AbsolutePath), ("ucp-agent", ucpAgent.Trim()), .. extra],
            contentType,
            body,
            time.GetUtcNow());
    }

    public string? SignDetached(ReadOnlySpan<byte> body) => keys.SignDetached(body);

    public string SignHmac(ReadOnlySpan<byte> secret, string timestamp, ReadOnlySpan<byte> body) =>
        IncomingWebhookVerifier.Sign(secret, timestamp, body);

    public bool VerifyHmac(ReadOnlySpan<byte> secret, string timestamp, ReadOnlySpan<byte> body, string? signature)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        if (signature is null || !signature.StartsWith(HmacPrefix, StringComparison.OrdinalIgnoreCase) || signature.Length != HmacPrefix.Length + 64)
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[32];
        if (Convert.FromHexString(signature.AsSpan(HmacPrefix.Length), presented, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        IncomingWebhookVerifier.Mac(secret, timestamp, body, expected);
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }
}
