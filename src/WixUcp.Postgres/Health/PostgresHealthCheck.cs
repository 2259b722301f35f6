using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using WixUcp.Postgres.Connection;
using WixUcp.Postgres.Migrations;
using WixUcp.Storage;

namespace WixUcp.Postgres.Health;

/// <summary>PostgreSQL answers and every migration this version ships has been applied.</summary>
internal sealed class PostgresHealthCheck(PostgresDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var applied = await database.RunAsync(async connection =>
            {
                var versions = new HashSet<string>(StringComparer.Ordinal);
                await using var read = new NpgsqlCommand("SELECT version FROM schema_migrations", connection);
                await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    versions.Add(reader.GetString(0));
                }

                return versions;
            }, cancellationToken).ConfigureAwait(false);
            var missing = PostgresMigrator.All.Count(m => !applied.Contains(m.Version));
            return missing == 0
                ? HealthCheckResult.Healthy($"{PostgresMigrator.All.Count} migrations applied")
                : HealthCheckResult.Unhealthy($"{missing} migration(s) not applied yet.");
        }
        catch (StoreUnavailableException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL did not answer.");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return HealthCheckResult.Unhealthy("No migration has been applied yet.");
        }
    }
}
