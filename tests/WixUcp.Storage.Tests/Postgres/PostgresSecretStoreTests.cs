using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;
using WixUcp.ApiKeys;
using WixUcp.Encryption;
using WixUcp.Installations;
using WixUcp.Postgres;
using WixUcp.Postgres.Connection;
using WixUcp.Postgres.Stores;
using WixUcp.Storage.Tests.Contracts;
using WixUcp.Webhooks;

namespace WixUcp.Storage.Tests.Postgres;

public sealed class PostgresSecretStoreContract : SecretStoreContract, IAsyncDisposable
{
    private readonly Keys _keys = new();
    private TestDatabase? _database;
    private PostgresDatabase? _connection;

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override async ValueTask<(IAppInstanceStore Instances, IWebhookRegistrationStore Webhooks, IApiKeyStore ApiKeys)> StoresAsync()
    {
        _database ??= await TestDatabase.CreateAsync();
        _connection ??= await _database.OpenMigratedAsync();
        var encryptor = _keys.Encryptor();
        return (new PostgresAppInstanceStore(_connection, encryptor), new PostgresWebhookRegistrationStore(_connection, encryptor), new PostgresApiKeyStore(_connection));
    }
}

/// <summary>What reaches the disk: secrets only as envelopes, and KEK rotation that old rows survive.</summary>
public sealed class PostgresEncryptionAtRestTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Raw_rows_hold_no_plaintext_secret_and_no_unwrapped_key()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var connection = await database.OpenMigratedAsync();
        var keys = new Keys();
        var encryptor = keys.Encryptor();
        const string token = "wix-oauth-access-token-ABCDEF0123456789";
        const string secret = "whsec_super_secret_signing_key_42";
        await new PostgresAppInstanceStore(connection, encryptor).UpsertAsync(new AppInstance { InstanceId = "inst_1", AccessToken = token, InstalledAt = Now }, Ct);
        await new PostgresWebhookRegistrationStore(connection, encryptor).TryAddAsync(
            new WebhookRegistration { Id = "wh_1", InstanceId = "inst_1", PlatformId = "p", WebhookUrl = new Uri("https://p.example/h"), Events = ["order.updated"], Secret = secret, CreatedAt = Now }, Ct);

        var raw = await RawAsync(database, "SELECT access_token FROM app_instances UNION ALL SELECT secret FROM webhook_registrations");
        var dump = await RawTextAsync(database);

        Assert.Equal(2, raw.Count);
        Assert.All(raw, envelope => Assert.Equal("k1", EnvelopeEncryptor.KeyIdOf(envelope)));
        Assert.All(raw, envelope => Assert.Equal(-1, envelope.AsSpan().IndexOf(Encoding.UTF8.GetBytes(token))));
        Assert.All(raw, envelope => Assert.Equal(-1, envelope.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret))));
        Assert.DoesNotContain(token, dump, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, dump, StringComparison.Ordinal);

        // The KEK itself is never stored, and no 32-byte data key appears in clear: each envelope decrypts only with the KEK.
        Assert.All(raw, envelope => Assert.Equal(-1, envelope.AsSpan().IndexOf(Convert.FromBase64String(keys.Key1))));
        var withoutKek = new EnvelopeEncryptor(new ConfiguredKeyEncryptionKeyProvider(Options.Create(new EncryptionOptions { CurrentKeyId = "k9", Keys = { ["k9"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) } })));
        await Assert.ThrowsAnyAsync<CryptographicException>(async () => await new PostgresAppInstanceStore(connection, withoutKek).GetAsync("inst_1", Ct));
    }

    [Fact]
    public async Task Rotating_the_key_encryption_key_rewraps_rows_that_then_read_without_the_old_key()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var connection = await database.OpenMigratedAsync();
        var keys = new Keys();
        await new PostgresAppInstanceStore(connection, keys.Encryptor()).UpsertAsync(new AppInstance { InstanceId = "inst_1", AccessToken = "token", InstalledAt = Now }, Ct);
        await new PostgresWebhookRegistrationStore(connection, keys.Encryptor()).TryAddAsync(
            new WebhookRegistration { Id = "wh_1", InstanceId = "inst_1", PlatformId = "p", WebhookUrl = new Uri("https://p.example/h"), Events = ["order.updated"], Secret = "whsec", CreatedAt = Now }, Ct);
        var before = await RawAsync(database, "SELECT access_token FROM app_instances");

        // k2 becomes current; the rotation re-wraps both rows; then k1 is removed.
        var rotating = keys.Provider(current: "k2", withKey1: true);
        var rewrapped = await new PostgresKeyRotation(connection, new EnvelopeEncryptor(rotating), rotating).RewrapAllAsync(Ct);
        var again = await new PostgresKeyRotation(connection, new EnvelopeEncryptor(rotating), rotating).RewrapAllAsync(Ct);
        var after = new EnvelopeEncryptor(keys.Provider(current: "k2", withKey1: false));

        Assert.Equal((2, 0), (rewrapped, again));
        var rows = await RawAsync(database, "SELECT access_token FROM app_instances UNION ALL SELECT secret FROM webhook_registrations");
        Assert.All(rows, envelope => Assert.Equal("k2", EnvelopeEncryptor.KeyIdOf(envelope)));
        // The data part of the envelope (nonce, tag, ciphertext of "token") is untouched.
        Assert.True(before[0].AsSpan(before[0].Length - 33).SequenceEqual(rows[0].AsSpan(rows[0].Length - 33)));
        Assert.Equal("token", (await new PostgresAppInstanceStore(connection, after).GetAsync("inst_1", Ct))!.AccessToken);
        Assert.Equal("whsec", (await new PostgresWebhookRegistrationStore(connection, after).GetAsync("wh_1", Ct))!.Secret);
    }

    private static async Task<List<byte[]>> RawAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        var rows = new List<byte[]>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(reader.GetFieldValue<byte[]>(0));
        }

        return rows;
    }

    // Every column of both tables as text, the way someone with read access to the database would see it.
    private static async Task<string> RawTextAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT coalesce(string_agg(t::text, ' '), '') FROM app_instances t) || (SELECT coalesce(string_agg(w::text, ' '), '') FROM webhook_registrations w)", connection);
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }
}

/// <summary>Two test KEKs: k1 (current unless told otherwise) and k2.</summary>
internal sealed class Keys
{
    public string Key1 { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string Key2 { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public EnvelopeEncryptor Encryptor() => new(Provider("k1", withKey1: true));

    public ConfiguredKeyEncryptionKeyProvider Provider(string current, bool withKey1)
    {
        var options = new EncryptionOptions { CurrentKeyId = current };
        if (withKey1)
        {
            options.Keys["k1"] = Key1;
        }

        options.Keys["k2"] = Key2;
        return new ConfiguredKeyEncryptionKeyProvider(Options.Create(options));
    }
}
