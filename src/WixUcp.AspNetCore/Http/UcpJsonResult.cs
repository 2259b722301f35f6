using Microsoft.AspNetCore.Http;

namespace WixUcp.AspNetCore.Http;

/// <summary>
/// A response whose body bytes are final before it is written: idempotency replays them byte-for-byte and
/// signatures (later) can cover exactly what is sent.
/// </summary>
internal sealed class UcpJsonResult(int statusCode, ReadOnlyMemory<byte> body) : IResult, IStatusCodeHttpResult
{
    public const string ContentType = "application/json";

    public int? StatusCode => statusCode;

    public ReadOnlyMemory<byte> Body => body;

    /// <summary>Extra response headers, e.g. Retry-After.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        if (Headers is not null)
        {
            foreach (var (name, value) in Headers)
            {
                response.Headers[name] = value;
            }
        }

        await response.Body.WriteAsync(body, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
