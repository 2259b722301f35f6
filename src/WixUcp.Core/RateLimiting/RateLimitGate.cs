using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WixUcp.Diagnostics;
using WixUcp.Storage;

namespace WixUcp.RateLimiting;

/// <summary>
/// What every transport asks before running a request: the budget of its policy for the client, through the configured
/// <see cref="IRateLimiter"/>. Refusals are counted (<c>wixucp.rate_limit.rejections</c>) and logged at most once per
/// policy every 10 seconds. When the limiter's shared store cannot be reached, <see cref="RateLimitOptions.StoreFailure"/>
/// decides at once, and the store is not asked again for 5 seconds, so an outage adds neither errors nor waits.
/// </summary>
public sealed partial class RateLimitGate
{
    private static readonly long LogInterval = Stopwatch.Frequency * 10;
    private static readonly long StoreRetryInterval = Stopwatch.Frequency * 5;

    private readonly IRateLimiter _limiter;
    private readonly IOptions<WixUcpOptions> _options;
    private readonly ILogger _logger;
    private readonly WixUcpMetrics? _metrics;
    private readonly Dictionary<string, long> _lastRejectionLog = new(StringComparer.Ordinal);
    private long _rejectionsSinceLog;
    private long _storeDownUntil;

    internal RateLimitGate(IRateLimiter limiter, IOptions<WixUcpOptions> options, ILogger<RateLimitGate> logger, WixUcpMetrics? metrics)
    {
        _limiter = limiter;
        _options = options;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>Whether rate limiting is on (<c>WixUcp:RateLimits:Enabled</c>).</summary>
    public bool Enabled => _options.Value.RateLimits.Enabled;

    /// <summary>Counts one request of <paramref name="client"/> against <paramref name="policy"/>'s budget.</summary>
    /// <param name="policy">One of <see cref="UcpRateLimitPolicies"/>.</param>
    /// <param name="client">The authenticated platform, or the client address (see <see cref="ClientKey"/>).</param>
    /// <param name="cancellationToken">Cancels the decision.</param>
    /// <returns>The decision; <see cref="RateLimitDecision.StoreUnavailable"/> when it was made without the store.</returns>
    public async ValueTask<RateLimitDecision> DecideAsync(string policy, string client, CancellationToken cancellationToken)
    {
        var budget = _options.Value.RateLimits.BudgetFor(policy);
        if (Stopwatch.GetTimestamp() < Interlocked.Read(ref _storeDownUntil))
        {
            return WithoutStore(budget);
        }

        RateLimitDecision decision;
        try
        {
            decision = await _limiter.AcquireAsync(policy, client, budget, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            Interlocked.Exchange(ref _storeDownUntil, Stopwatch.GetTimestamp() + StoreRetryInterval);
            _metrics?.StoreFailed(ex.Store ?? "unknown");
            LogStoreUnavailable(_logger, _options.Value.RateLimits.StoreFailure, ex);
            return WithoutStore(budget);
        }

        if (!decision.IsAllowed)
        {
            Rejected(policy);
        }

        return decision;
    }

    /// <summary>The key a client is counted by: <c>platform:{id}</c> when authenticated, else <c>address:{ip}</c>.</summary>
    /// <param name="platformId">The authenticated platform, if any.</param>
    /// <param name="clientAddress">The client address (the connection's, or from trusted proxies).</param>
    /// <returns>The client key.</returns>
    public static string ClientKey(string? platformId, string? clientAddress) =>
        platformId is { Length: > 0 } ? "platform:" + platformId : "address:" + (clientAddress ?? "unknown");

    private RateLimitDecision WithoutStore(RateLimitBudget budget)
    {
        var mode = _options.Value.RateLimits.StoreFailure;
        _metrics?.RateLimitStoreFailed(mode == RateLimitStoreFailure.FailOpen ? "fail_open" : "fail_closed");
        return mode == RateLimitStoreFailure.FailOpen
            ? RateLimitDecision.Unmetered(budget.PermitLimit) with { StoreUnavailable = true }
            : new RateLimitDecision(false, budget.PermitLimit, 0, TimeSpan.Zero, TimeSpan.FromSeconds(5)) { StoreUnavailable = true };
    }

    private void Rejected(string policy)
    {
        _metrics?.RateLimitRejected(policy);
        Interlocked.Increment(ref _rejectionsSinceLog);
        var now = Stopwatch.GetTimestamp();
        lock (_lastRejectionLog)
        {
            if (_lastRejectionLog.TryGetValue(policy, out var last) && now - last < LogInterval)
            {
                return;
            }

            _lastRejectionLog[policy] = now;
        }

        LogRejected(_logger, policy, Interlocked.Exchange(ref _rejectionsSinceLog, 0));
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Rate limit {Policy} refused requests ({Rejections} since the last report)")]
    private static partial void LogRejected(ILogger logger, string policy, long rejections);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "The rate limiter's store is unreachable; deciding by {StoreFailure} for 5 s")]
    private static partial void LogStoreUnavailable(ILogger logger, RateLimitStoreFailure storeFailure, Exception exception);
}
