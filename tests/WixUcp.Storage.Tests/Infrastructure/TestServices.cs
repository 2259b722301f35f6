using System.Diagnostics;

namespace WixUcp.Storage.Tests.Infrastructure;

/// <summary>
/// The real servers test.sh starts. A test that needs one skips when its URL is absent, except under CI=true, where a
/// missing service is a failure rather than a silent pass.
/// </summary>
internal static class TestServices
{
    public const string RedisVariable = "WIXUCP_TEST_REDIS_URL";
    public const string DatabaseVariable = "WIXUCP_TEST_DATABASE_URL";

    public static string RedisUrl() => Require(RedisVariable, "Redis");

    public static string DatabaseUrl() => Require(DatabaseVariable, "PostgreSQL");

    private static string Require(string variable, string service)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        var message = $"{service} is not available: {variable} is not set (./test.sh starts it and sets it).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        throw new UnreachableException();
    }
}
