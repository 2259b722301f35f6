using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WixUcp.Redis.Connection;
using WixUcp.Storage;

namespace WixUcp.Redis.Health;

/// <summary>Redis answers a PING within the connection's operation timeout.</summary>
internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.RunAsync(db => db.PingAsync()).ConfigureAwait(false);
            return HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"PING answered in {latency.TotalMilliseconds:0.0} ms"));
        }
        catch (StoreUnavailableException)
        {
            return HealthCheckResult.Unhealthy("Redis did not answer.");
        }
    }
}
