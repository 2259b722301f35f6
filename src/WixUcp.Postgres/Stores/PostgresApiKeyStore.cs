using Npgsql;
using NpgsqlTypes;
using WixUcp.ApiKeys;
using WixUcp.Postgres.Connection;

namespace WixUcp.Postgres.Stores;

/// <summary>API keys in <c>api_keys</c>, by keyed hash; the key itself is never stored.</summary>
internal sealed class PostgresApiKeyStore(PostgresDatabase database) : IApiKeyStore
{
    public ValueTask<bool> TryAddAsync(ApiKeyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(database.RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(
                    """
                    INSERT INTO api_keys (key_hash, platform_id, instance_id, permissions, created_at, expires_at, last_used_at, revoked_at, key_id, profile_urls)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING
                    """,
                    connection)
                {
                    Parameters =
                    {
                        new() { Value = record.KeyHash.ToArray() },
                        new() { Value = record.PlatformId },
                        new() { Value = record.InstanceId },
                        new() { Value = record.Permissions.ToArray() },
                        new() { Value = record.CreatedAt.ToUniversalTime() },
                        new() { Value = (object?)record.ExpiresAt?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                        new() { Value = (object?)record.LastUsedAt?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                        new() { Value = (object?)record.RevokedAt?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                        new() { Value = record.KeyId },
                        new() { Value = record.ProfileUrls.ToArray() },
                    },
                };
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            },
            cancellationToken));
    }

    private const string Columns = "key_hash, key_id, platform_id, instance_id, profile_urls, permissions, created_at, expires_at, last_used_at, revoked_at";

    public ValueTask<ApiKeyRecord?> FindAsync(ReadOnlyMemory<byte> keyHash, CancellationToken cancellationToken) => new(database.RunAsync(
        async connection =>
        {
            await using var command = new NpgsqlCommand($"SELECT {Columns} FROM api_keys WHERE key_hash = $1", connection)
            {
                Parameters = { new() { Value = keyHash.ToArray() } },
            };
            return (await ReadAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        },
        cancellationToken));

    public ValueTask<IReadOnlyList<ApiKeyRecord>> ListAsync(int limit, CancellationToken cancellationToken) => new(database.RunAsync(
        async connection =>
        {
            await using var command = new NpgsqlCommand($"SELECT {Columns} FROM api_keys ORDER BY created_at DESC LIMIT $1", connection)
            {
                Parameters = { new() { Value = limit } },
            };
            return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        },
        cancellationToken));

    private static async Task<IReadOnlyList<ApiKeyRecord>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var records = new List<ApiKeyRecord>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                records.Add(new ApiKeyRecord
                {
                    KeyHash = reader.GetFieldValue<byte[]>(0),
                    KeyId = reader.GetString(1),
                    PlatformId = reader.GetString(2),
                    InstanceId = reader.GetString(3),
                    ProfileUrls = reader.GetFieldValue<string[]>(4),
                    Permissions = reader.GetFieldValue<string[]>(5),
                    CreatedAt = reader.GetFieldValue<DateTimeOffset>(6),
                    ExpiresAt = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                    LastUsedAt = reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
                    RevokedAt = reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
                });
            }
        }

        return records;
    }

    public async ValueTask TouchAsync(ReadOnlyMemory<byte> keyHash, DateTimeOffset usedAt, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE api_keys SET last_used_at = $2 WHERE key_hash = $1", keyHash.ToArray(), usedAt, cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> RevokeAsync(string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE api_keys SET revoked_at = $2 WHERE key_id = $1 AND revoked_at IS NULL", keyId, revokedAt, cancellationToken).ConfigureAwait(false) == 1;

    // An update of one timestamp column of the key matched by $1 (its hash or its id).
    private Task<int> ExecuteAsync(string sql, object key, DateTimeOffset when, CancellationToken cancellationToken) => database.RunAsync(
        async connection =>
        {
            await using var command = new NpgsqlCommand(sql, connection)
            {
                Parameters = { new() { Value = key }, new() { Value = when.ToUniversalTime() } },
            };
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        },
        cancellationToken);
}
