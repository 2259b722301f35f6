namespace WixUcp.Webhooks;

/// <summary>What checking an HMAC-signed incoming webhook found.</summary>
public enum IncomingWebhookVerdict
{
    /// <summary>Signed with the shared secret, within the time window.</summary>
    Valid,

    /// <summary>No <c>X-UCP-Signature</c>.</summary>
    MissingSignature,

    /// <summary>No usable <c>X-UCP-Timestamp</c> (unix seconds).</summary>
    MissingTimestamp,

    /// <summary>The timestamp is outside the window: too old (a replay) or from the future.</summary>
    StaleTimestamp,

    /// <summary>The signature is not the HMAC of this timestamp and body under the secret.</summary>
    BadSignature,
}
