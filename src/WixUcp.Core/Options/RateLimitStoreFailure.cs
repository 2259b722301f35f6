namespace WixUcp;

/// <summary>What a shared rate limiter does while its store cannot be reached.</summary>
public enum RateLimitStoreFailure
{
    /// <summary>Let requests through uncounted (counted in <c>wixucp.rate_limit.store_failures</c> and logged).</summary>
    FailOpen,

    /// <summary>Refuse requests with 503 and <c>Retry-After</c>.</summary>
    FailClosed,
}
