using System.Globalization;
using System.Text.Json.Nodes;
using WixUcp.FakeWix.Infrastructure;

namespace WixUcp.FakeWix.Faults;

/// <summary>Applies injected faults (before authentication, so the token endpoint can fail too) and maps <c>/_fake/faults</c>.</summary>
internal sealed class FaultMiddleware(RequestDelegate next, FakeWixState state)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.Path.StartsWithSegments("/_fake", StringComparison.Ordinal)
            || state.TakeFault(http.Request.Method, http.Request.Path.Value ?? "/") is not { } fault)
        {
            await next(http);
            return;
        }

        switch (fault.Kind)
        {
            case FakeWixFaultKind.Timeout:
                using (var cts = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, state.Stopping))
                {
                    await Task.Delay(Timeout.Infinite, cts.Token);
                }

                return;
            case FakeWixFaultKind.RateLimit:
                http.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                throw new WixException(429, WixErrors.Application("Too Many Requests", "TOO_MANY_REQUESTS"));
            case FakeWixFaultKind.ExpireTokens:
                state.ExpireAllTokens();
                await next(http);
                return;
            default:
                throw new WixException(fault.Status, WixErrors.Application($"injected fault: status {fault.Status}", "FAKE_FAULT_" + fault.Status.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary><c>POST /_fake/faults</c> {pathPrefix, kind, status?, retryAfterSeconds?, count?, method?} and <c>DELETE /_fake/faults</c>.</summary>
    public static void Map(IEndpointRouteBuilder app, FakeWixState state)
    {
        app.MapPost("/_fake/faults", (HttpContext http) =>
        {
            var body = Wire.ReadObject(http);
            var fault = new FakeWixFault
            {
                PathPrefix = Wire.Str(body, "pathPrefix") ?? "/",
                Method = Wire.Str(body, "method"),
                Kind = Wire.Str(body, "kind") switch
                {
                    "status" or null => FakeWixFaultKind.Status,
                    "timeout" => FakeWixFaultKind.Timeout,
                    "rate_limit" => FakeWixFaultKind.RateLimit,
                    "expire_tokens" => FakeWixFaultKind.ExpireTokens,
                    var other => throw WixErrors.BadRequest("kind", $"unknown kind '{other}' (status, timeout, rate_limit, expire_tokens)"),
                },
                Status = Wire.Int(body, "status", "status") ?? 500,
                RetryAfterSeconds = Wire.Int(body, "retryAfterSeconds", "retryAfterSeconds") ?? 1,
                Count = Wire.Int(body, "count", "count") ?? 1,
            };
            state.AddFault(fault);
            return Wire.Json(new JsonObject { ["faults"] = state.Faults.Count });
        });
        app.MapDelete("/_fake/faults", () =>
        {
            state.ClearFaults();
            return Wire.Json(new JsonObject());
        });
    }
}
