namespace WixUcp.Signatures;

/// <summary>
/// Signs outgoing webhook bodies: with the business's P-256 key as UCP 2026-04-08 requires (RFC 9421 over
/// <c>@method</c>, <c>@authority</c>, <c>@path</c>, <c>ucp-agent</c>, <c>content-digest</c>, <c>content-type</c>), and
/// in the shared-secret form <c>X-UCP-Signature: sha256={hex}</c> (HMAC-SHA256 of <c>{X-UCP-Timestamp}.{body}</c>, as
/// <see cref="Webhooks.IncomingWebhookVerifier"/> checks it) for receivers that use one.
/// </summary>
public interface IWebhookSigner
{
    /// <summary>The RFC 9421 headers for a <c>POST</c> of <paramref name="body"/> to <paramref name="target"/>.</summary>
    /// <param name="target">The receiver's URL.</param>
    /// <param name="ucpAgent">The <c>UCP-Agent</c> value sent (the business's own profile).</param>
    /// <param name="contentType">The <c>Content-Type</c> value sent.</param>
    /// <param name="body">The exact body bytes sent.</param>
    /// <returns>The <c>Content-Digest</c>, <c>Signature-Input</c> and <c>Signature</c> values.</returns>
    SignatureHeaders Sign(Uri target, string ucpAgent, string contentType, ReadOnlySpan<byte> body);

    /// <summary>
    /// The RFC 9421 headers of an order webhook: as <see cref="Sign"/>, and also covering <c>webhook-id</c> and
    /// <c>webhook-timestamp</c> (UCP's open proposal ucp#659, which the reference samples follow), so a replayed or
    /// re-addressed body does not verify.
    /// </summary>
    /// <param name="target">The receiver's URL.</param>
    /// <param name="ucpAgent">The <c>UCP-Agent</c> value sent (the business's own profile).</param>
    /// <param name="contentType">The <c>Content-Type</c> value sent.</param>
    /// <param name="webhookId">The <c>Webhook-Id</c> value sent.</param>
    /// <param name="webhookTimestamp">The <c>Webhook-Timestamp</c> value sent (unix seconds).</param>
    /// <param name="body">The exact body bytes sent.</param>
    /// <returns>The <c>Content-Digest</c>, <c>Signature-Input</c> and <c>Signature</c> values.</returns>
    SignatureHeaders SignWebhook(Uri target, string ucpAgent, string contentType, string webhookId, string webhookTimestamp, ReadOnlySpan<byte> body);

    /// <summary>
    /// The <c>Request-Signature</c> value UCP 2026-01-23 signs webhooks with: a detached JWS (RFC 7797, <c>b64:false</c>)
    /// over the raw body with a key of the business's <c>signing_keys</c>; null when this signer does not make one.
    /// </summary>
    /// <param name="body">The exact body bytes sent.</param>
    /// <returns><c>{protected header}..{signature}</c>, or null.</returns>
    string? SignDetached(ReadOnlySpan<byte> body) => null;

    /// <summary>
    /// The <c>X-UCP-Signature</c> value of a body sent with <c>X-UCP-Timestamp: {timestamp}</c>: HMAC-SHA256 under the
    /// shared secret of <c>{timestamp}.{body}</c>, the form <see cref="Webhooks.IncomingWebhookVerifier"/> accepts.
    /// </summary>
    /// <param name="secret">The secret shared with the receiver.</param>
    /// <param name="timestamp">The <c>X-UCP-Timestamp</c> value sent (unix seconds).</param>
    /// <param name="body">The exact body bytes.</param>
    /// <returns><c>sha256=</c> and the lower-case hex HMAC-SHA256.</returns>
    string SignHmac(ReadOnlySpan<byte> secret, string timestamp, ReadOnlySpan<byte> body);

    /// <summary>
    /// Checks an <c>X-UCP-Signature</c> value in constant time (the signature only: <see cref="Webhooks.IncomingWebhookVerifier"/>
    /// also bounds the timestamp's age).
    /// </summary>
    /// <param name="secret">The shared secret.</param>
    /// <param name="timestamp">The <c>X-UCP-Timestamp</c> value received.</param>
    /// <param name="body">The exact body bytes received.</param>
    /// <param name="signature">The header value received.</param>
    /// <returns>True when it is the HMAC of <c>{timestamp}.{body}</c> under the secret.</returns>
    bool VerifyHmac(ReadOnlySpan<byte> secret, string timestamp, ReadOnlySpan<byte> body, string? signature);
}
