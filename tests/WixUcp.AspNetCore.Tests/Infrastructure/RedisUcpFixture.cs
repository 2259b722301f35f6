using WixUcp.Storage.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Infrastructure;

/// <summary>The sample host with <c>REDIS_URL</c> set to the test Redis (when there is one), under a key prefix of its own.</summary>
public sealed class RedisUcpFixture() : UcpFixture(Settings())
{
    public static readonly string KeyPrefix = $"test:{Guid.NewGuid():N}:";

    private static Dictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string> { ["WixUcp:Redis:KeyPrefix"] = KeyPrefix };
        if (Environment.GetEnvironmentVariable(TestServices.RedisVariable) is { Length: > 0 } url)
        {
            settings["REDIS_URL"] = url;
        }

        return settings;
    }
}
