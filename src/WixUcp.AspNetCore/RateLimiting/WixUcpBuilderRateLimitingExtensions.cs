using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using WixUcp.AspNetCore.RateLimiting;
using WixUcp.RateLimiting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the UCP budgets as policies of ASP.NET Core's rate-limiting middleware.</summary>
public static class WixUcpBuilderRateLimitingExtensions
{
    private static readonly string[] Policies =
        [UcpRateLimitPolicies.Profile, UcpRateLimitPolicies.Catalog, UcpRateLimitPolicies.Checkout, UcpRateLimitPolicies.Orders];

    /// <summary>
    /// Adds the framework's rate limiter with one policy per operation class (<see cref="UcpRateLimitPolicies"/>), each
    /// deciding through the registered <see cref="IRateLimiter"/> (in memory, or Redis with <c>AddRedis()</c>).
    /// <c>MapWixUcp()</c> puts each policy on its endpoints; the host adds <c>app.UseRateLimiter()</c> after
    /// <c>app.UseAuthentication()</c>, so authenticated platforms are counted as themselves.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddWixUcp()</c>.</param>
    /// <returns>The same builder.</returns>
    public static IWixUcpBuilder AddUcpRateLimiting(this IWixUcpBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<RateLimitGate>((options, gate) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            foreach (var policy in Policies)
            {
                options.AddPolicy(policy, new UcpRateLimiterPolicy(policy, gate));
            }
        });
        builder.Services.AddSingleton<UcpRateLimitingMarker>();
        return builder;
    }
}
