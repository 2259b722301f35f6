using System.Text;
using System.Text.Json.Nodes;
using WixUcp.FakeWix.Auth;

namespace WixUcp.FakeWix.Infrastructure;

/// <summary>
/// Outermost middleware: reads the body once (handlers read it from <see cref="Wire.Body"/>), turns
/// <see cref="WixException"/> (and anything unexpected) into Wix error answers, and records every non-<c>/_fake</c>
/// request in <see cref="FakeWixState.Requests"/>.
/// </summary>
internal sealed partial class RequestLog(RequestDelegate next, FakeWixState state, ILogger<RequestLog> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        using (var buffer = new MemoryStream())
        {
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            http.Items[Wire.BodyItem] = buffer.ToArray();
        }

        try
        {
            await next(http);
        }
        catch (WixException e)
        {
            await WriteAsync(http, e.Status, e.Body);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested || state.Stopping.IsCancellationRequested)
        {
            // The client gave up (timeout faults) or the server is stopping: nothing to answer (recorded as 499).
            http.Response.StatusCode = 499;
        }
#pragma warning disable CA1031 // A fake answers every failure the way Wix would rather than dropping the connection.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogUnhandled(logger, e, http.Request.Path);
            await WriteAsync(http, 500, WixErrors.Application("internal error: " + e.Message, "INTERNAL_ERROR"));
        }
        finally
        {
            if (!http.Request.Path.StartsWithSegments("/_fake", StringComparison.Ordinal))
            {
                var body = Wire.Body(http);
                state.Record(new FakeWixRequest(
                    state.Time.GetUtcNow(), http.Request.Method, http.Request.Path.Value ?? "", http.Request.QueryString.Value ?? "",
                    (http.Items[AuthMiddleware.InstanceItem] as FakeWixInstance)?.InstanceId,
                    http.Request.Headers.Authorization.Count > 0 ? http.Request.Headers.Authorization.ToString() : null,
                    body.Length, Encoding.UTF8.GetString(body), http.Response.StatusCode));
            }
        }
    }

    private static async Task WriteAsync(HttpContext http, int status, JsonObject body)
    {
        if (http.Response.HasStarted)
        {
            return;
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(body.ToJsonString(Wire.Output), http.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in the fake for {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, PathString path);
}
