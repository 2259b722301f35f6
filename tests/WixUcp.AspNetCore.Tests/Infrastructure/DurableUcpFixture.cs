using Npgsql;
using WixUcp.Storage.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Infrastructure;

/// <summary>
/// The sample host with its state in the test Redis (under a key prefix of its own) and the test PostgreSQL (in a
/// database of its own, migrated by the host at start-up), when test.sh provides them.
/// </summary>
public sealed class DurableUcpFixture() : UcpFixture(Settings())
{
    public static readonly string KeyPrefix = $"test:{Guid.NewGuid():N}:";

    public static readonly string DatabaseName = "wixucp_host_" + Guid.NewGuid().ToString("N");

    public static string? DatabaseConnectionString { get; private set; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (DatabaseConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)");
        }
    }

    private static Dictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string> { ["WixUcp:Redis:KeyPrefix"] = KeyPrefix };
        if (Environment.GetEnvironmentVariable(TestServices.RedisVariable) is { Length: > 0 } redis)
        {
            settings["REDIS_URL"] = redis;
        }

        if (Environment.GetEnvironmentVariable(TestServices.DatabaseVariable) is { Length: > 0 })
        {
            AdminAsync($"CREATE DATABASE {DatabaseName}").GetAwaiter().GetResult();
            var builder = new NpgsqlConnectionStringBuilder(Server()) { Database = DatabaseName };
            DatabaseConnectionString = builder.ConnectionString;
            settings["DATABASE_URL"] = DatabaseConnectionString;
            settings["WixUcp:Encryption:CurrentKeyId"] = "test-1";
            settings["WixUcp:Encryption:Keys:test-1"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        }

        return settings;
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
