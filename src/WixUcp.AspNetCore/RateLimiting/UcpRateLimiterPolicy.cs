using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using WixUcp.Authentication;
using WixUcp.Diagnostics;
using WixUcp.Operations;
using WixUcp.RateLimiting;

namespace WixUcp.AspNetCore.RateLimiting;

/// <summary>
/// One budget as a policy of the framework's rate-limiting middleware. Each request is counted for its client: the
/// authenticated platform, else the client address (the connection's, or one forwarded by trusted proxies through the
/// framework's forwarded-headers middleware, never a raw <c>X-Forwarded-For</c>). A refusal is 429 with
/// <c>Retry-After</c> and a UCP error; every answer carries the <c>X-RateLimit-*</c> headers.
/// </summary>
internal sealed class UcpRateLimiterPolicy(string policy, RateLimitGate gate) : IRateLimiterPolicy<UcpRateLimitPartition>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = RejectAsync;

    public RateLimitPartition<UcpRateLimitPartition> GetPartition(HttpContext httpContext)
    {
        // Called again for the asynchronous attempt: the request keeps one feature and one headers callback.
        if (httpContext.Features.Get<UcpRateLimitFeature>() is not { } feature)
        {
            feature = new UcpRateLimitFeature();
            httpContext.Features.Set(feature);
            httpContext.Response.OnStarting(static state =>
            {
                var (response, requestFeature) = ((HttpResponse, UcpRateLimitFeature))state;
                if (requestFeature.Decision is { StoreUnavailable: false } decision)
                {
                    UcpRateLimitHeaders.Write(response, decision);
                }

                return Task.CompletedTask;
            }, (httpContext.Response, feature));
        }

        UcpRateLimitFeature.Pending.Value = feature;
        var client = RateLimitGate.ClientKey(
            httpContext.User.FindFirstValue(UcpClaimTypes.Platform),
            UcpRequestContext.Current?.ClientAddress ?? httpContext.Connection.RemoteIpAddress?.ToString());
        return RateLimitPartition.Get(new UcpRateLimitPartition(policy, client), key => new UcpPartitionRateLimiter(gate, key));
    }

    private static ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var outcome = context.Lease.TryGetMetadata(UcpRateLimitLease.DecisionMetadata, out var metadata) && metadata is RateLimitDecision decision
            ? decision.StoreUnavailable
                ? UcpOutcome.ProtocolError(503, "backend_unavailable", "Rate limits cannot be checked right now; retry shortly.", retryAfter: decision.RetryAfter)
                : UcpOutcome.ProtocolError(429, "rate_limit_exceeded", "Too many requests for this operation; retry after the time in Retry-After.", retryAfter: decision.RetryAfter)
            : UcpOutcome.ProtocolError(429, "rate_limit_exceeded", "Too many requests for this operation.", retryAfter: TimeSpan.FromSeconds(1));
        return new ValueTask(context.HttpContext.WriteUcpOutcomeAsync(outcome));
    }
}
