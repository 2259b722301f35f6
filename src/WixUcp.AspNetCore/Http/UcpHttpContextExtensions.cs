using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WixUcp;
using WixUcp.AspNetCore.Http;
using WixUcp.Operations;

namespace Microsoft.AspNetCore.Http;

/// <summary>UCP helpers on <see cref="HttpContext"/> for the REST binding and for middleware in front of it.</summary>
public static class UcpHttpContextExtensions
{
    /// <summary>The request body feature of this request, created on first use.</summary>
    /// <param name="context">The HTTP context.</param>
    /// <returns>The shared body feature.</returns>
    public static IUcpRequestBodyFeature GetUcpRequestBody(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IUcpRequestBodyFeature>() is { } existing)
        {
            return existing;
        }

        var limit = context.RequestServices.GetRequiredService<IOptions<WixUcpOptions>>().Value.MaxRequestBytes;
        var feature = new UcpRequestBodyFeature(context.Request, limit);
        context.Features.Set<IUcpRequestBodyFeature>(feature);
        return feature;
    }

    /// <summary>
    /// Writes a UCP outcome: status, <c>application/json</c>, the exact bytes, and <c>Retry-After</c> or
    /// <c>Idempotent-Replayed</c> when the outcome says so. Rejections in front of the binding (authentication,
    /// rate limits) write their <see cref="UcpOutcome.ProtocolError"/> through this too.
    /// </summary>
    /// <param name="context">The HTTP context.</param>
    /// <param name="outcome">The outcome to send.</param>
    /// <returns>A task that completes when the body is written.</returns>
    public static Task WriteUcpOutcomeAsync(this HttpContext context, UcpOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(outcome);
        return new UcpOutcomeResult(outcome).ExecuteAsync(context);
    }
}
