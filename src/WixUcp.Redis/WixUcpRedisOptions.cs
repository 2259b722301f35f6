namespace WixUcp.Redis;

/// <summary>Settings of the Redis stores (bound from <c>WixUcp:Redis</c>; the sample host reads <c>REDIS_URL</c>).</summary>
public sealed class WixUcpRedisOptions
{
    /// <summary>
    /// Where Redis is: a URL (<c>redis://[user:password@]host:port[/database]</c>, <c>rediss://</c> for TLS) or a
    /// StackExchange.Redis configuration string (<c>host:port,password=...</c>).
    /// </summary>
    public string? Url { get; set; }

    /// <summary>Prepended to every key, so several deployments can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "wixucp:";

    /// <summary>How long one Redis command may take before the request answers 503 <c>backend_unavailable</c>.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long connecting may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a session stays readable after it expires (then Redis drops it).</summary>
    public TimeSpan ExpiredSessionRetention { get; set; } = TimeSpan.FromDays(1);
}
