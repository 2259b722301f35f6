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
                    INSERT INTO api_keys (key_hash, platform_id, instance_id, permissions, created_at, expires_at, last_used_at, revoked_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING
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
                    },
                };
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            },
            cancellationToken));
    }

    public ValueTask<ApiKeyRecord?> FindAsync(ReadOnlyMemory<byte> keyHash, CancellationToken cancellationToken) => new(database.RunAsync(
        async connection =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT platform_id, instance_id, permissions, created_at, expires_at, last_used_at, revoked_at FROM api_keys WHERE key_hash = $1", connection)
            {
                Parameters = { new() { Value = keyHash.ToArray() } },
            };
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                return new ApiKeyRecord
                {
                    KeyHash = keyHash.ToArray(),
                    PlatformId = reader.GetString(0),
                    InstanceId = reader.GetString(1),
                    Permissions = reader.GetFieldValue<string[]>(2),
                    CreatedAt = reader.GetFieldValue<DateTimeOffset>(3),
                    ExpiresAt = reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                    LastUsedAt = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                    RevokedAt = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                };
            }
        },
        cancellationToken));

    public async ValueTask TouchAsync(ReadOnlyMemory<byte> keyHash, DateTimeOffset usedAt, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE api_keys SET last_used_at = $2 WHERE key_hash = $1", keyHash, usedAt, cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> RevokeAsync(ReadOnlyMemory<byte> keyHash, DateTimeOffset revokedAt, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE api_keys SET revoked_at = $2 WHERE key_hash = $1 AND revoked_at IS NULL", keyHash, revokedAt, cancellationToken).ConfigureAwait(false) == 1;

    private Task<int> ExecuteAsync(string sql, ReadOnlyMemory<byte> keyHash, DateTimeOffset when, CancellationToken cancellationToken) => database.RunAsync(
        async connection =>
        {
            await using var command = new NpgsqlCommand(sql, connection)
            {
                Parameters = { new() { Value = keyHash.ToArray() }, new() { Value = when.ToUniversalTime() } },
            };
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        },
        cancellationToken);
}
