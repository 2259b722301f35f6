namespace WixUcp.Encryption;

/// <summary>The configured key-encryption keys (<c>WixUcp:Encryption</c>).</summary>
public sealed class EncryptionOptions
{
    /// <summary>The id of the key that wraps new data keys; must be one of <see cref="Keys"/>.</summary>
    public string? CurrentKeyId { get; set; }

    /// <summary>Key id to a base64-encoded 32-byte AES-256 key. Keep retired keys here until every record is re-wrapped.</summary>
    public IDictionary<string, string> Keys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
