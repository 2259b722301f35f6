namespace WixUcp.Encryption;

/// <summary>
/// Holds the key-encryption keys (KEKs) that wrap the per-record data keys of envelope encryption. The one in the box
/// reads them from configuration (<c>WixUcp:Encryption</c>); a cloud KMS or secrets manager plugs in here, so the KEKs
/// never need to leave it.
/// </summary>
public interface IKeyEncryptionKeyProvider
{
    /// <summary>The id of the KEK that wraps new data keys.</summary>
    string CurrentKeyId { get; }

    /// <summary>Wraps (encrypts) a data key under a KEK.</summary>
    /// <param name="keyId">The KEK to use.</param>
    /// <param name="dataKey">The 32-byte data key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The wrapped key.</returns>
    ValueTask<byte[]> WrapKeyAsync(string keyId, ReadOnlyMemory<byte> dataKey, CancellationToken cancellationToken);

    /// <summary>Unwraps a data key wrapped under a KEK.</summary>
    /// <param name="keyId">The KEK it was wrapped under.</param>
    /// <param name="wrappedKey">The wrapped key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The data key.</returns>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The KEK is unknown or the wrapped key was altered.</exception>
    ValueTask<byte[]> UnwrapKeyAsync(string keyId, ReadOnlyMemory<byte> wrappedKey, CancellationToken cancellationToken);
}
