using Npgsql;
using WixUcp.Storage.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Infrastructure;

/// <summary>Databases of their own on the test PostgreSQL server, for hosts under test.</summary>
internal static class TestPostgres
{
    public static bool Available => Environment.GetEnvironmentVariable(TestServices.DatabaseVariable) is { Length: > 0 };

    /// <summary>Creates a database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string name)
    {
        await AdminAsync($"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(Server()) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static string Server()
    {
        var url = new Uri(Environment.GetEnvironmentVariable(TestServices.DatabaseVariable)!);
        return new NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.Port,
            Username = url.UserInfo.Split(':')[0],
            Database = url.AbsolutePath.Trim('/'),
        }.ConnectionString;
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
