using WixUcp.Signatures;

namespace WixUcp.SampleHost;

/// <summary>The one start-up line that says where the server keeps its state (hosts only: URLs may carry passwords).</summary>
internal static partial class StartupLog
{
    public static void LogStateStores(this ILogger logger, string? redisUrl, string? databaseUrl)
    {
        if (string.IsNullOrWhiteSpace(redisUrl) && string.IsNullOrWhiteSpace(databaseUrl))
        {
            LogInMemory(logger);
            return;
        }

        LogShared(
            logger,
            string.IsNullOrWhiteSpace(redisUrl) ? "memory" : "Redis at " + HostOf(redisUrl),
            string.IsNullOrWhiteSpace(databaseUrl) ? "memory" : "PostgreSQL at " + HostOf(databaseUrl));
    }

    public static void LogSigningKey(this ILogger logger, UcpSigningKeys keys)
    {
        if (keys.IsGenerated)
        {
            LogGeneratedSigningKey(logger, keys.CurrentKeyId);
        }
    }

    private static string HostOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed.Authority : "(connection string)";

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "State in memory: checkouts, orders and idempotency records are lost on restart and not shared between replicas (set REDIS_URL and DATABASE_URL for shared, durable state)")]
    private static partial void LogInMemory(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Signing key {KeyId} was generated for this process (development): set WixUcp:Signing:PrivateKeyPem so signatures survive restarts and match across replicas")]
    private static partial void LogGeneratedSigningKey(ILogger logger, string keyId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "State: checkout sessions and idempotency records in {SessionStore}; orders in {OrderStore}")]
    private static partial void LogShared(ILogger logger, string sessionStore, string orderStore);
}
