namespace WixUcp.SampleHost;

/// <summary>The one start-up line that says where the server keeps its state.</summary>
internal static partial class StartupLog
{
    public static void LogStateStores(this ILogger logger, string? redisUrl)
    {
        if (string.IsNullOrWhiteSpace(redisUrl))
        {
            LogInMemory(logger);
        }
        else
        {
            // The host only: URLs may carry a password.
            LogRedis(logger, Uri.TryCreate(redisUrl, UriKind.Absolute, out var url) ? url.Authority : "(configuration string)");
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "State in memory: checkouts, orders and idempotency records are lost on restart and not shared between replicas (set REDIS_URL for shared state)")]
    private static partial void LogInMemory(ILogger logger);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "State: checkout sessions and idempotency records in Redis at {RedisHost}; orders in memory")]
    private static partial void LogRedis(ILogger logger, string redisHost);
}
