using WixUcp.RateLimiting;

namespace WixUcp.AspNetCore.RateLimiting;

/// <summary>
/// The request's rate-limit decision, for its <c>X-RateLimit-*</c> headers. The framework's limiter API passes no
/// request to a partition's limiter, so the feature travels to it on the request's async flow (<see cref="Pending"/>).
/// </summary>
internal sealed class UcpRateLimitFeature
{
    public static readonly AsyncLocal<UcpRateLimitFeature?> Pending = new();

    public RateLimitDecision? Decision { get; set; }
}
