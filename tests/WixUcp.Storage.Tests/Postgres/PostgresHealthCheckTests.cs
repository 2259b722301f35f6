using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using WixUcp.Postgres;
using WixUcp.Postgres.Connection;
using WixUcp.Postgres.Health;
using WixUcp.Postgres.Migrations;

namespace WixUcp.Storage.Tests.Postgres;

/// <summary>The PostgreSQL readiness check against the real server: ready only when every shipped migration is applied.</summary>
public sealed class PostgresHealthCheckTests
{
    [Fact]
    public async Task Ready_only_when_every_migration_is_applied_and_the_server_answers()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var empty = database.Open();
        var beforeMigrations = await CheckAsync(empty);

        await using var migrated = await database.OpenMigratedAsync();
        var ready = await CheckAsync(migrated);

        await using (var connection = await migrated.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken))
        await using (var forget = new NpgsqlCommand("DELETE FROM schema_migrations WHERE version = $1", connection) { Parameters = { new() { Value = PostgresMigrator.All[^1].Version } } })
        {
            await forget.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var behind = await CheckAsync(migrated);

        Assert.Equal((HealthStatus.Unhealthy, "No migration has been applied yet."), (beforeMigrations.Status, beforeMigrations.Description));
        Assert.Equal((HealthStatus.Healthy, $"{PostgresMigrator.All.Count} migrations applied"), (ready.Status, ready.Description));
        Assert.Equal((HealthStatus.Unhealthy, "1 migration(s) not applied yet."), (behind.Status, behind.Description));
    }

    [Fact]
    public async Task A_closed_port_is_not_ready()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var database = new PostgresDatabase(Options.Create(new WixUcpPostgresOptions { ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Timeout=2" }));

        var result = await CheckAsync(database);

        Assert.Equal((HealthStatus.Unhealthy, "PostgreSQL did not answer."), (result.Status, result.Description));
    }

    private static Task<HealthCheckResult> CheckAsync(PostgresDatabase database) =>
        new PostgresHealthCheck(database).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
}
