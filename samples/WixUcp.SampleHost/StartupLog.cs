using Microsoft.Extensions.Options;
using WixUcp.Authentication;
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

    /// <summary>
    /// Warns when every call is anonymous; with authentication on and keys only in memory, issues a development key
    /// (every permission, any profile) and logs it, so the one-command default stays usable.
    /// </summary>
    public static async Task LogAuthenticationAsync(this ILogger logger, IServiceProvider services, bool durableKeys)
    {
        if (!services.GetRequiredService<IOptions<WixUcpOptions>>().Value.Auth.Enabled)
        {
            LogAuthDisabled(logger);
            return;
        }

        if (!durableKeys)
        {
            var (key, record) = await services.GetRequiredService<ApiKeyIssuer>()
                .IssueAsync("development", ["*"], UcpPermissions.All, lifetime: null, CancellationToken.None).ConfigureAwait(false);
            LogDevelopmentKey(logger, key, record.KeyId);
        }
    }

    private static string HostOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed.Authority : "(connection string)";

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "State in memory: checkouts, orders and idempotency records are lost on restart and not shared between replicas (set REDIS_URL and DATABASE_URL for shared, durable state)")]
    private static partial void LogInMemory(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Signing key {KeyId} was generated for this process (development): set WixUcp:Signing:PrivateKeyPem so signatures survive restarts and match across replicas")]
    private static partial void LogGeneratedSigningKey(ILogger logger, string keyId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Authentication is off (UCP_AUTH_ENABLED=false): every call is anonymous; never expose this server")]
    private static partial void LogAuthDisabled(ILogger logger);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Development API key: {ApiKey} ({KeyId}: every permission, any profile; lives in memory until this process ends). Send it as X-API-Key")]
    private static partial void LogDevelopmentKey(ILogger logger, string apiKey, string keyId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "State: checkout sessions and idempotency records in {SessionStore}; orders in {OrderStore}")]
    private static partial void LogShared(ILogger logger, string sessionStore, string orderStore);
}
