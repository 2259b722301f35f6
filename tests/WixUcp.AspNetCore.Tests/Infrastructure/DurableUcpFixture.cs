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
            await TestPostgres.DropDatabaseAsync(DatabaseName);
        }
    }

    private static Dictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string> { ["WixUcp:Redis:KeyPrefix"] = KeyPrefix };
        if (Environment.GetEnvironmentVariable(TestServices.RedisVariable) is { Length: > 0 } redis)
        {
            settings["REDIS_URL"] = redis;
        }

        if (TestPostgres.Available)
        {
            DatabaseConnectionString = TestPostgres.CreateDatabaseAsync(DatabaseName).GetAwaiter().GetResult();
            settings["DATABASE_URL"] = DatabaseConnectionString;
            settings["WixUcp:Encryption:CurrentKeyId"] = "test-1";
            settings["WixUcp:Encryption:Keys:test-1"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        }

        return settings;
    }
}
