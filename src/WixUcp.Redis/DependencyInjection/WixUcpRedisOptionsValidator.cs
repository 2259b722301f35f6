using Microsoft.Extensions.Options;
using WixUcp.Redis;
using WixUcp.Redis.Connection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Checks the Redis settings at start-up; each failure names the setting.</summary>
internal sealed class WixUcpRedisOptionsValidator : IValidateOptions<WixUcpRedisOptions>
{
    public ValidateOptionsResult Validate(string? name, WixUcpRedisOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            return ValidateOptionsResult.Fail("WixUcp:Redis:Url (or REDIS_URL) must name the Redis server, for example redis://localhost:6379.");
        }

        try
        {
            RedisUrl.Parse(options.Url);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return ValidateOptionsResult.Fail($"WixUcp:Redis:Url is not a Redis URL or configuration string: {ex.Message}");
        }

        if (options.OperationTimeout <= TimeSpan.Zero || options.ConnectTimeout <= TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail("WixUcp:Redis:OperationTimeout and WixUcp:Redis:ConnectTimeout must be positive.");
        }

        return options.ExpiredSessionRetention < TimeSpan.Zero
            ? ValidateOptionsResult.Fail("WixUcp:Redis:ExpiredSessionRetention must not be negative.")
            : ValidateOptionsResult.Success;
    }
}
