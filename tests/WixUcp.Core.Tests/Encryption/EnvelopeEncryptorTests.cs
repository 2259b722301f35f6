using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using WixUcp.Encryption;

namespace WixUcp.Core.Tests.Encryption;

public sealed class EnvelopeEncryptorTests
{
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_secret_round_trips_and_its_envelope_holds_neither_it_nor_the_data_key_in_clear()
    {
        var encryptor = Encryptor("k1", ("k1", KeyA));
        var secret = Encoding.UTF8.GetBytes("wix-access-token-0123456789");

        var envelope = await encryptor.EncryptAsync(secret, "app_instances/access_token/inst_1", Ct);

        Assert.Equal(secret, await encryptor.DecryptAsync(envelope, "app_instances/access_token/inst_1", Ct));
        Assert.Equal("k1", EnvelopeEncryptor.KeyIdOf(envelope));
        Assert.Equal(-1, envelope.AsSpan().IndexOf(secret));
        Assert.NotEqual(envelope, await encryptor.EncryptAsync(secret, "app_instances/access_token/inst_1", Ct));
    }

    [Fact]
    public async Task An_envelope_moved_to_another_row_or_altered_does_not_decrypt()
    {
        var encryptor = Encryptor("k1", ("k1", KeyA));
        var envelope = await encryptor.EncryptAsync("secret"u8.ToArray(), "webhook_registrations/secret/wh_1", Ct);
        var altered = envelope.ToArray();
        altered[^1] ^= 1;

        await Assert.ThrowsAnyAsync<CryptographicException>(async () => await encryptor.DecryptAsync(envelope, "webhook_registrations/secret/wh_2", Ct));
        await Assert.ThrowsAnyAsync<CryptographicException>(async () => await encryptor.DecryptAsync(altered, "webhook_registrations/secret/wh_1", Ct));
    }

    [Fact]
    public async Task Rotation_rewraps_the_data_key_and_old_envelopes_decrypt_without_the_old_key()
    {
        var before = Encryptor("k1", ("k1", KeyA));
        var envelope = await before.EncryptAsync("secret"u8.ToArray(), "app_instances/access_token/inst_1", Ct);

        var during = Encryptor("k2", ("k1", KeyA), ("k2", KeyB));
        var rewrapped = await during.RewrapAsync(envelope, Ct);
        var after = Encryptor("k2", ("k2", KeyB));

        Assert.Equal("k2", EnvelopeEncryptor.KeyIdOf(rewrapped));
        // The encrypted data itself (nonce 12 + tag 16 + 6 bytes) is unchanged: only the KEK id and wrapped key differ.
        const int Body = 12 + 16 + 6;
        Assert.True(envelope.AsSpan(envelope.Length - Body).SequenceEqual(rewrapped.AsSpan(rewrapped.Length - Body)));
        Assert.False(envelope.AsSpan(0, envelope.Length - Body).SequenceEqual(rewrapped.AsSpan(0, rewrapped.Length - Body)));
        Assert.Equal("secret"u8.ToArray(), await after.DecryptAsync(rewrapped, "app_instances/access_token/inst_1", Ct));
        await Assert.ThrowsAnyAsync<CryptographicException>(async () => await after.DecryptAsync(envelope, "app_instances/access_token/inst_1", Ct));
    }

    private static EnvelopeEncryptor Encryptor(string current, params (string Id, string Key)[] keys)
    {
        var options = new EncryptionOptions { CurrentKeyId = current };
        foreach (var (id, key) in keys)
        {
            options.Keys[id] = key;
        }

        return new EnvelopeEncryptor(new ConfiguredKeyEncryptionKeyProvider(Options.Create(options)));
    }
}
