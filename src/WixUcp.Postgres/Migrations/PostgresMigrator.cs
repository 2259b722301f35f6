using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;
using WixUcp.Postgres.Connection;

namespace WixUcp.Postgres.Migrations;

/// <summary>
/// Applies the embedded plain-SQL migrations (<c>Migrations/NNNN_name.sql</c>) in order, each in its own transaction,
/// recording each in <c>schema_migrations</c>. A session advisory lock serialises replicas that start together: the
/// first applies, the others wait and find nothing left to do. Hosts run it at start-up (<c>MigrateOnStart</c>) or from
/// one place, such as a deployment step or an administrative command.
/// </summary>
public sealed partial class PostgresMigrator
{
    // Any fixed number: the advisory lock key of WixUcp migrations.
    private const long LockKey = 0x5769_7855_6370;
    private const string ResourcePrefix = "WixUcp.Postgres.Migrations.";

    /// <summary>The embedded migrations, by version (the file name without <c>.sql</c>), in order.</summary>
    internal static IReadOnlyList<(string Version, string Sql)> All { get; } = Load();

    private readonly PostgresDatabase _database;
    private readonly ILogger<PostgresMigrator> _logger;

    internal PostgresMigrator(PostgresDatabase database, ILogger<PostgresMigrator> logger)
    {
        _database = database;
        _logger = logger;
    }

    /// <summary>Applies the migrations this package carries that the database lacks.</summary>
    /// <param name="cancellationToken">Cancels the wait for the lock or the migration in progress (which then rolls back).</param>
    /// <returns>The versions applied now, in order; empty when the schema was current.</returns>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Migrations may outlast the statement timeout meant for requests.
            await ExecuteAsync(connection, "SET statement_timeout = 0", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken).ConfigureAwait(false);
            try
            {
                await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", cancellationToken).ConfigureAwait(false);
                var applied = new HashSet<string>(StringComparer.Ordinal);
                await using (var read = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
                {
                    var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            applied.Add(reader.GetString(0));
                        }
                    }
                }

                var done = new List<string>();
                foreach (var (version, sql) in All.Where(m => !applied.Contains(m.Version)))
                {
                    var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    await using (transaction.ConfigureAwait(false))
                    {
                        await ExecuteAsync(connection, sql, cancellationToken).ConfigureAwait(false);
                        await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version) VALUES ($1)", connection) { Parameters = { new() { Value = version } } };
                        await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    }

                    LogApplied(_logger, version);
                    done.Add(version);
                }

                return done;
            }
            finally
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static List<(string, string)> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (n[ResourcePrefix.Length..^".sql".Length], reader.ReadToEnd());
            })
            .ToList();
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Applied database migration {Version}")]
    private static partial void LogApplied(ILogger logger, string version);
}
