using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace WixUcp.Encryption;

/// <summary>
/// The key-encryption keys from configuration (<see cref="EncryptionOptions"/>); a data key is wrapped with AES-256-GCM
/// under the KEK, bound to the KEK's id. The default <see cref="IKeyEncryptionKeyProvider"/>.
/// </summary>
/// <param name="options">The configured keys.</param>
public sealed class ConfiguredKeyEncryptionKeyProvider(IOptions<EncryptionOptions> options) : IKeyEncryptionKeyProvider
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <inheritdoc/>
    public string CurrentKeyId => options.Value.CurrentKeyId ?? throw new InvalidOperationException("WixUcp:Encryption:CurrentKeyId is not set.");

    /// <inheritdoc/>
    public ValueTask<byte[]> WrapKeyAsync(string keyId, ReadOnlyMemory<byte> dataKey, CancellationToken cancellationToken)
    {
        using var aes = new AesGcm(Kek(keyId), TagSize);
        var wrapped = new byte[NonceSize + TagSize + dataKey.Length];
        var nonce = wrapped.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        aes.Encrypt(nonce, dataKey.Span, wrapped.AsSpan(NonceSize + TagSize), wrapped.AsSpan(NonceSize, TagSize), KeyIdBytes(keyId));
        return ValueTask.FromResult(wrapped);
    }

    /// <inheritdoc/>
    public ValueTask<byte[]> UnwrapKeyAsync(string keyId, ReadOnlyMemory<byte> wrappedKey, CancellationToken cancellationToken)
    {
        var wrapped = wrappedKey.Span;
        if (wrapped.Length <= NonceSize + TagSize)
        {
            throw new CryptographicException("The wrapped key is too short.");
        }

        using var aes = new AesGcm(Kek(keyId), TagSize);
        var dataKey = new byte[wrapped.Length - NonceSize - TagSize];
        aes.Decrypt(wrapped[..NonceSize], wrapped[(NonceSize + TagSize)..], wrapped.Slice(NonceSize, TagSize), dataKey, KeyIdBytes(keyId));
        return ValueTask.FromResult(dataKey);
    }

    private byte[] Kek(string keyId) =>
        options.Value.Keys.TryGetValue(keyId, out var encoded)
            ? Convert.FromBase64String(encoded)
            : throw new CryptographicException($"Key-encryption key '{keyId}' is not configured (WixUcp:Encryption:Keys:{keyId}).");

    // The wrapped key is bound to the KEK id it claims, so a key cannot be presented under another id.
    private static byte[] KeyIdBytes(string keyId) => System.Text.Encoding.UTF8.GetBytes(keyId);
}
