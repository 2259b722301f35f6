using System.Globalization;
using Microsoft.AspNetCore.Http;
using WixUcp.AspNetCore.Mcp;
using WixUcp.Operations;

namespace WixUcp.AspNetCore.Http;

/// <summary>Sends a <see cref="UcpOutcome"/> as it is: its status and its exact bytes.</summary>
internal sealed class UcpOutcomeResult(UcpOutcome outcome) : IResult, IStatusCodeHttpResult
{
    public const string ContentType = "application/json";

    public int? StatusCode => outcome.StatusCode;

    public UcpOutcome Outcome => outcome;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (outcome.Kind == UcpOutcomeKind.ProtocolError && httpContext.GetEndpoint()?.Metadata.GetMetadata<UcpMcpEndpointMetadata>() is not null)
        {
            // Rejections in front of the MCP endpoint (authentication) answer in its framing.
            await UcpMcpEndpoint.WriteErrorAsync(httpContext, null, outcome).ConfigureAwait(false);
            return;
        }

        var response = httpContext.Response;
        response.StatusCode = outcome.StatusCode;
        response.ContentType = ContentType;
        response.ContentLength = outcome.Body.Length;
        response.Headers.XContentTypeOptions = "nosniff";
        if (outcome.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (outcome.IsReplay)
        {
            response.Headers["Idempotent-Replayed"] = "true";
        }

        await response.Body.WriteAsync(outcome.Body, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
