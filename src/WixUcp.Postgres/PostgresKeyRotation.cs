using Npgsql;
using WixUcp.Encryption;
using WixUcp.Postgres.Connection;

namespace WixUcp.Postgres;

/// <summary>
/// Re-wraps the data keys of every encrypted column under the current key-encryption key, after
/// <c>WixUcp:Encryption:CurrentKeyId</c> names a new one. The encrypted data is not touched; a row changed meanwhile is
/// left for the next run. Once it reports nothing left, the old KEK can be removed.
/// </summary>
public sealed class PostgresKeyRotation
{
    // (table, key column, secret column): the secret columns of migration 0001.
    private static readonly (string Table, string Key, string Column)[] SecretColumns =
    [
        ("app_instances", "instance_id", "access_token"),
        ("webhook_registrations", "id", "secret"),
    ];

    private readonly PostgresDatabase _database;
    private readonly EnvelopeEncryptor _encryptor;
    private readonly IKeyEncryptionKeyProvider _keys;

    internal PostgresKeyRotation(PostgresDatabase database, EnvelopeEncryptor encryptor, IKeyEncryptionKeyProvider keys)
    {
        _database = database;
        _encryptor = encryptor;
        _keys = keys;
    }

    /// <summary>Re-wraps every secret not yet under the current KEK.</summary>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>How many values were re-wrapped.</returns>
    public async Task<int> RewrapAllAsync(CancellationToken cancellationToken)
    {
        var rewrapped = 0;
        foreach (var (table, key, column) in SecretColumns)
        {
            var rows = await _database.RunAsync(
                async connection =>
                {
                    await using var select = new NpgsqlCommand($"SELECT {key}, {column} FROM {table} WHERE {column} IS NOT NULL", connection);
                    var found = new List<(string Id, byte[] Envelope)>();
                    var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            found.Add((reader.GetString(0), reader.GetFieldValue<byte[]>(1)));
                        }
                    }

                    return found;
                },
                cancellationToken).ConfigureAwait(false);

            foreach (var (id, envelope) in rows.Where(r => EnvelopeEncryptor.KeyIdOf(r.Envelope) != _keys.CurrentKeyId))
            {
                var next = await _encryptor.RewrapAsync(envelope, cancellationToken).ConfigureAwait(false);
                rewrapped += await _database.RunAsync(
                    async connection =>
                    {
                        await using var update = new NpgsqlCommand($"UPDATE {table} SET {column} = $1 WHERE {key} = $2 AND {column} = $3", connection)
                        {
                            Parameters = { new() { Value = next }, new() { Value = id }, new() { Value = envelope } },
                        };
                        return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    },
                    cancellationToken).ConfigureAwait(false);
            }
        }

        return rewrapped;
    }
}
