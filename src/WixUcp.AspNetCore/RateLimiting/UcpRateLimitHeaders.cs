using System.Globalization;
using Microsoft.AspNetCore.Http;
using WixUcp.RateLimiting;

namespace WixUcp.AspNetCore.RateLimiting;

/// <summary>
/// <c>X-RateLimit-Limit</c> (requests per window), <c>X-RateLimit-Remaining</c> (requests admitted now) and
/// <c>X-RateLimit-Reset</c> (whole seconds until the budget is whole again).
/// </summary>
internal static class UcpRateLimitHeaders
{
    public static void Write(HttpResponse response, RateLimitDecision decision)
    {
        response.Headers["X-RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset"] = Math.Ceiling(decision.Reset.TotalSeconds).ToString(CultureInfo.InvariantCulture);
    }
}
