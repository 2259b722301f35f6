using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WixUcp.Diagnostics;

namespace WixUcp.AspNetCore.Http;

/// <summary>
/// Begins the <see cref="UcpRequestContext"/> of each request: takes the client's <c>X-Request-ID</c> (or UCP's
/// <c>Request-Id</c>) when well formed, generates one otherwise, echoes it on every response (errors, 401s and 429s
/// included), makes it the request's <see cref="HttpContext.TraceIdentifier"/>, and opens the logging scope that puts
/// <c>requestId</c>, <c>instanceId</c> and <c>platformId</c> on every log line of the request.
/// </summary>
internal sealed class UcpRequestContextMiddleware(RequestDelegate next, ILogger<UcpRequestContextMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var sent = context.Request.Headers[UcpRequestContext.RequestIdHeader];
        var requestId = sent.Count > 0 ? sent : context.Request.Headers[UcpRequestContext.UcpRequestIdHeader];
        using var restore = UcpRequestContext.Begin(requestId.Count == 1 ? requestId[0] : null, out var request);
        context.TraceIdentifier = request.RequestId;
        request.ClientAddress = context.Connection.RemoteIpAddress?.ToString();
        context.Response.OnStarting(static state =>
        {
            var (response, id) = ((HttpResponse, string))state;
            response.Headers[UcpRequestContext.RequestIdHeader] = id;
            return Task.CompletedTask;
        }, (context.Response, request.RequestId));

        using (logger.BeginScope(request))
        {
            await next(context).ConfigureAwait(false);
        }
    }
}
