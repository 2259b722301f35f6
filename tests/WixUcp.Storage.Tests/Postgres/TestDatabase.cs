using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using WixUcp.Postgres;
using WixUcp.Postgres.Connection;
using WixUcp.Postgres.Migrations;
using WixUcp.Storage.Tests.Infrastructure;

namespace WixUcp.Storage.Tests.Postgres;

/// <summary>A database of its own on the test server, created for one test class and dropped afterwards.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _server;

    private TestDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        var builder = PostgresConnectionString.Parse(server);
        builder.Database = name;
        ConnectionString = builder.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var server = TestServices.DatabaseUrl();
        var database = new TestDatabase(server, "wixucp_test_" + Guid.NewGuid().ToString("N"));
        await database.AdminAsync($"CREATE DATABASE {database.Name}");
        return database;
    }

    public PostgresDatabase Open() => new(Options.Create(new WixUcpPostgresOptions { ConnectionString = ConnectionString }));

    public async Task<PostgresDatabase> OpenMigratedAsync()
    {
        var database = Open();
        await new PostgresMigrator(database, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresConnectionString.Parse(_server).ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
