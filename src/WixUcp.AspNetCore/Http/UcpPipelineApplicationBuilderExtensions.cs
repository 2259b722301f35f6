using WixUcp.AspNetCore.Http;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the request context (request ids and their logging scope) and the shutdown drain to the pipeline.</summary>
public static class UcpPipelineApplicationBuilderExtensions
{
    /// <summary>
    /// Gives every request an id (the client's <c>X-Request-ID</c> or <c>Request-Id</c> when well formed, else a new one),
    /// echoed as <c>X-Request-ID</c> on every response, forwarded on the library's outgoing calls, and carried with the
    /// tenant and platform on every log line. Add it first, so even errors of later middleware carry the id, but after
    /// <c>UseForwardedHeaders()</c> when there is a proxy: it records the client address that rate limits count by.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The application, for chaining.</returns>
    public static IApplicationBuilder UseUcpRequestContext(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<UcpRequestContextMiddleware>();
    }

    /// <summary>
    /// Answers requests that arrive once the host has begun to stop with 503 <c>shutting_down</c>, <c>Retry-After</c> and
    /// <c>Connection: close</c>, while requests already in flight finish normally (within <c>HostOptions.ShutdownTimeout</c>,
    /// the drain time). Add it right after <see cref="UseUcpRequestContext"/>.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The application, for chaining.</returns>
    public static IApplicationBuilder UseUcpShutdownDrain(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<UcpShutdownMiddleware>();
    }
}
