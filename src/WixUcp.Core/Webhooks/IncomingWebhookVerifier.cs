using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WixUcp.Webhooks;

/// <summary>
/// Verifies HMAC-signed incoming webhooks (from a commerce backend, or any sender sharing a secret):
/// <c>X-UCP-Timestamp</c> holds unix seconds, and <c>X-UCP-Signature: sha256={hex}</c> is HMAC-SHA256 under the secret
/// of <c>{timestamp}.{body}</c>, so a captured call cannot be replayed outside the window. Compared in constant time.
/// </summary>
/// <param name="time">The clock the window is measured by.</param>
public sealed class IncomingWebhookVerifier(TimeProvider time)
{
    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-UCP-Signature";

    /// <summary>The timestamp header (unix seconds).</summary>
    public const string TimestampHeader = "X-UCP-Timestamp";

    private const string Prefix = "sha256=";

    /// <summary>How far the timestamp may be from now, either way (default 5 minutes).</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The <c>X-UCP-Signature</c> value a sender writes for <paramref name="body"/> at <paramref name="timestamp"/>.</summary>
    /// <param name="secret">The shared secret.</param>
    /// <param name="timestamp">The <c>X-UCP-Timestamp</c> value sent.</param>
    /// <param name="body">The exact body bytes.</param>
    /// <returns><c>sha256=</c> and the lower-case hex HMAC.</returns>
    public static string Sign(ReadOnlySpan<byte> secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        Span<byte> mac = stackalloc byte[32];
        Mac(secret, timestamp, body, mac);
        return Prefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>Checks a call's signature and timestamp.</summary>
    /// <param name="secret">The shared secret.</param>
    /// <param name="body">The exact body bytes received.</param>
    /// <param name="signature">The <c>X-UCP-Signature</c> value received.</param>
    /// <param name="timestamp">The <c>X-UCP-Timestamp</c> value received.</param>
    /// <returns>The verdict; only <see cref="IncomingWebhookVerdict.Valid"/> may be acted on.</returns>
    public IncomingWebhookVerdict Verify(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> body, string? signature, string? timestamp)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return IncomingWebhookVerdict.MissingSignature;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return IncomingWebhookVerdict.MissingTimestamp;
        }

        if ((time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Window)
        {
            return IncomingWebhookVerdict.StaleTimestamp;
        }

        Span<byte> presented = stackalloc byte[32];
        if (!signature.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || signature.Length != Prefix.Length + 64
            || Convert.FromHexString(signature.AsSpan(Prefix.Length), presented, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return IncomingWebhookVerdict.BadSignature;
        }

        Span<byte> expected = stackalloc byte[32];
        Mac(secret, timestamp!, body, expected);
        return CryptographicOperations.FixedTimeEquals(presented, expected) ? IncomingWebhookVerdict.Valid : IncomingWebhookVerdict.BadSignature;
    }

    // Shared with WebhookSigner, so what this library sends is exactly what it accepts.
    // Keying an HMAC costs about what hashing a kilobyte does, so each thread keeps its last keyed context and reuses it
    // while the secret is the same (GetHashAndReset returns it to the keyed state): a dispatcher signing deliveries to
    // one receiver pays the keying once. Mac never awaits, so the thread-static context cannot be shared mid-use.
    [ThreadStatic]
    private static (byte[] Secret, IncrementalHash Hmac)? t_keyed;

    internal static void Mac(ReadOnlySpan<byte> secret, string timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var hmac = Keyed(secret);
        var prefixLength = Encoding.UTF8.GetByteCount(timestamp) + 1;

        // Small bodies go to the native hash in one call (a pooled copy of "{timestamp}.{body}" costs less than a call).
        if (body.Length <= SingleCallLimit)
        {
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(prefixLength + body.Length);
            try
            {
                buffer[Encoding.UTF8.GetBytes(timestamp, buffer)] = (byte)'.';
                body.CopyTo(buffer.AsSpan(prefixLength));
                hmac.AppendData(buffer, 0, prefixLength + body.Length);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        else
        {
            Span<byte> prefix = stackalloc byte[prefixLength];
            prefix[Encoding.UTF8.GetBytes(timestamp, prefix)] = (byte)'.';
            hmac.AppendData(prefix);
            hmac.AppendData(body);
        }

        hmac.GetHashAndReset(destination);
    }

    private const int SingleCallLimit = 8 * 1024;

    private static IncrementalHash Keyed(ReadOnlySpan<byte> secret)
    {
        if (t_keyed is { } keyed && keyed.Secret.Length == secret.Length && CryptographicOperations.FixedTimeEquals(keyed.Secret, secret))
        {
            return keyed.Hmac;
        }

        t_keyed?.Hmac.Dispose();
        var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        t_keyed = (secret.ToArray(), hmac);
        return hmac;
    }
}
