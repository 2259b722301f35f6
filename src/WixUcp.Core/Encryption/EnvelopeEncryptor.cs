using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace WixUcp.Encryption;

/// <summary>
/// Envelope encryption of secret fields: each value gets its own AES-256-GCM data key, wrapped by a key-encryption key
/// (KEK) from <see cref="IKeyEncryptionKeyProvider"/>. The ciphertext is bound to where it lives (table, column, row id)
/// as associated data, so it cannot be copied to another row, and it names its KEK, so rotating the KEK re-wraps the
/// data key (<see cref="RewrapAsync"/>) without touching the data.
/// </summary>
/// <remarks>
/// Layout: <c>1</c> (format) | KEK id length (1 byte) | KEK id (UTF-8) | wrapped key length (2 bytes, big endian) |
/// wrapped key | nonce (12) | tag (16) | ciphertext.
/// </remarks>
public sealed class EnvelopeEncryptor(IKeyEncryptionKeyProvider keys)
{
    private const byte Format = 1;
    private const int DataKeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>Encrypts a value for one place (table, column, row).</summary>
    /// <param name="plaintext">The secret.</param>
    /// <param name="location">Where it will be stored, for example <c>app_instances/access_token/inst_1</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The envelope.</returns>
    public async ValueTask<byte[]> EncryptAsync(ReadOnlyMemory<byte> plaintext, string location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        var dataKey = RandomNumberGenerator.GetBytes(DataKeySize);
        try
        {
            var keyId = keys.CurrentKeyId;
            var wrapped = await keys.WrapKeyAsync(keyId, dataKey, cancellationToken).ConfigureAwait(false);
            var header = Header(keyId, wrapped);
            var envelope = new byte[header.Length + NonceSize + TagSize + plaintext.Length];
            header.CopyTo(envelope, 0);
            var nonce = envelope.AsSpan(header.Length, NonceSize);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(dataKey, TagSize);
            aes.Encrypt(nonce, plaintext.Span, envelope.AsSpan(header.Length + NonceSize + TagSize), envelope.AsSpan(header.Length + NonceSize, TagSize), Encoding.UTF8.GetBytes(location));
            return envelope;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>Decrypts an envelope written for <paramref name="location"/>.</summary>
    /// <param name="envelope">The stored bytes.</param>
    /// <param name="location">Where they were read from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The secret.</returns>
    /// <exception cref="CryptographicException">The envelope was altered, moved, or its KEK is not available.</exception>
    public async ValueTask<byte[]> DecryptAsync(ReadOnlyMemory<byte> envelope, string location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        var (keyId, wrapped, body) = Parse(envelope);
        var dataKey = await keys.UnwrapKeyAsync(keyId, wrapped, cancellationToken).ConfigureAwait(false);
        try
        {
            var span = body.Span;
            if (span.Length < NonceSize + TagSize)
            {
                throw new CryptographicException("The envelope is too short.");
            }

            var plaintext = new byte[span.Length - NonceSize - TagSize];
            using var aes = new AesGcm(dataKey, TagSize);
            aes.Decrypt(span[..NonceSize], span[(NonceSize + TagSize)..], span.Slice(NonceSize, TagSize), plaintext, Encoding.UTF8.GetBytes(location));
            return plaintext;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>The id of the KEK an envelope's data key is wrapped under.</summary>
    /// <param name="envelope">The stored bytes.</param>
    /// <returns>The KEK id.</returns>
    public static string KeyIdOf(ReadOnlyMemory<byte> envelope) => Parse(envelope).KeyId;

    /// <summary>
    /// Re-wraps the envelope's data key under the current KEK; the encrypted data is kept as it is. Returns the envelope
    /// unchanged when it already uses the current KEK.
    /// </summary>
    /// <param name="envelope">The stored bytes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The envelope to store.</returns>
    public async ValueTask<byte[]> RewrapAsync(ReadOnlyMemory<byte> envelope, CancellationToken cancellationToken)
    {
        var (keyId, wrapped, body) = Parse(envelope);
        var current = keys.CurrentKeyId;
        if (keyId == current)
        {
            return envelope.ToArray();
        }

        var dataKey = await keys.UnwrapKeyAsync(keyId, wrapped, cancellationToken).ConfigureAwait(false);
        try
        {
            var rewrapped = await keys.WrapKeyAsync(current, dataKey, cancellationToken).ConfigureAwait(false);
            var header = Header(current, rewrapped);
            var result = new byte[header.Length + body.Length];
            header.CopyTo(result, 0);
            body.Span.CopyTo(result.AsSpan(header.Length));
            return result;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private static byte[] Header(string keyId, byte[] wrapped)
    {
        var id = Encoding.UTF8.GetBytes(keyId);
        if (id.Length is 0 or > byte.MaxValue)
        {
            throw new ArgumentException("A key-encryption key id must be 1 to 255 bytes.", nameof(keyId));
        }

        var header = new byte[1 + 1 + id.Length + 2 + wrapped.Length];
        header[0] = Format;
        header[1] = (byte)id.Length;
        id.CopyTo(header, 2);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2 + id.Length), checked((ushort)wrapped.Length));
        wrapped.CopyTo(header, 4 + id.Length);
        return header;
    }

    private static (string KeyId, ReadOnlyMemory<byte> Wrapped, ReadOnlyMemory<byte> Body) Parse(ReadOnlyMemory<byte> envelope)
    {
        var span = envelope.Span;
        if (span.Length < 4 || span[0] != Format || span.Length < 4 + span[1])
        {
            throw new CryptographicException("Not an envelope of a known format.");
        }

        var idLength = span[1];
        var keyId = Encoding.UTF8.GetString(span.Slice(2, idLength));
        var wrappedLength = BinaryPrimitives.ReadUInt16BigEndian(span.Slice(2 + idLength, 2));
        var bodyStart = 4 + idLength + wrappedLength;
        if (span.Length < bodyStart)
        {
            throw new CryptographicException("The envelope is truncated.");
        }

        return (keyId, envelope.Slice(4 + idLength, wrappedLength), envelope[bodyStart..]);
    }
}
