using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using WixUcp.Operations;

namespace WixUcp.AspNetCore.Http;

/// <summary>
/// Once the host begins to stop, requests that arrive (on connections still open, in the moment before the listener
/// closes) get 503 <c>shutting_down</c> with <c>Retry-After</c> and <c>Connection: close</c>, so the client retries on
/// another replica; requests already in flight run to their normal answer within the host's shutdown timeout.
/// </summary>
internal sealed class UcpShutdownMiddleware(RequestDelegate next, IHostApplicationLifetime lifetime)
{
    private static readonly UcpOutcome ShuttingDown =
        UcpOutcome.ProtocolError(503, "shutting_down", "This server is shutting down; retry the request.", retryAfter: TimeSpan.FromSeconds(1));

    public Task InvokeAsync(HttpContext context)
    {
        if (!lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return next(context);
        }

        context.Response.Headers.Connection = "close";
        return context.WriteUcpOutcomeAsync(ShuttingDown);
    }
}
