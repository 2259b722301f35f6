using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using WixUcp.Encryption;
using WixUcp.Installations;
using WixUcp.Postgres.Connection;

namespace WixUcp.Postgres.Stores;

/// <summary>App installations in <c>app_instances</c>; the access token is envelope-encrypted, bound to its row.</summary>
internal sealed class PostgresAppInstanceStore(PostgresDatabase database, EnvelopeEncryptor encryptor) : IAppInstanceStore
{
    public static string TokenLocation(string instanceId) => "app_instances/access_token/" + instanceId;

    public ValueTask<AppInstance?> GetAsync(string instanceId, CancellationToken cancellationToken) => new(database.RunAsync(
        async connection =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT access_token, token_expires_at, site_id, installed_at, settings::text FROM app_instances WHERE instance_id = $1", connection)
            {
                Parameters = { new() { Value = instanceId } },
            };
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                var token = reader.IsDBNull(0)
                    ? null
                    : Encoding.UTF8.GetString(await encryptor.DecryptAsync(reader.GetFieldValue<byte[]>(0), TokenLocation(instanceId), cancellationToken).ConfigureAwait(false));
                return new AppInstance
                {
                    InstanceId = instanceId,
                    AccessToken = token,
                    TokenExpiresAt = reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1),
                    SiteId = reader.IsDBNull(2) ? null : reader.GetString(2),
                    InstalledAt = reader.GetFieldValue<DateTimeOffset>(3),
                    Settings = JsonSerializer.Deserialize(reader.GetString(4), PostgresJsonContext.Default.DictionaryStringString) ?? [],
                };
            }
        },
        cancellationToken));

    public async ValueTask UpsertAsync(AppInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var token = instance.AccessToken is null
            ? null
            : await encryptor.EncryptAsync(Encoding.UTF8.GetBytes(instance.AccessToken), TokenLocation(instance.InstanceId), cancellationToken).ConfigureAwait(false);
        var settings = JsonSerializer.Serialize(new Dictionary<string, string>(instance.Settings, StringComparer.Ordinal), PostgresJsonContext.Default.DictionaryStringString);
        await database.RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(
                    """
                    INSERT INTO app_instances (instance_id, access_token, token_expires_at, site_id, installed_at, settings)
                    VALUES ($1, $2, $3, $4, $5, $6)
                    ON CONFLICT (instance_id) DO UPDATE SET access_token = excluded.access_token, token_expires_at = excluded.token_expires_at,
                        site_id = excluded.site_id, installed_at = excluded.installed_at, settings = excluded.settings
                    """,
                    connection)
                {
                    Parameters =
                    {
                        new() { Value = instance.InstanceId },
                        new() { Value = (object?)token ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bytea },
                        new() { Value = (object?)instance.TokenExpiresAt?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                        new() { Value = (object?)instance.SiteId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                        new() { Value = instance.InstalledAt.ToUniversalTime() },
                        new() { Value = settings, NpgsqlDbType = NpgsqlDbType.Jsonb },
                    },
                };
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<bool> DeleteAsync(string instanceId, CancellationToken cancellationToken) => new(database.RunAsync(
        async connection =>
        {
            await using var command = new NpgsqlCommand("DELETE FROM app_instances WHERE instance_id = $1", connection) { Parameters = { new() { Value = instanceId } } };
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        },
        cancellationToken));
}
