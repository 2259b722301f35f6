using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using WixUcp.AspNetCore.Http;
using WixUcp.AspNetCore.RateLimiting;
using WixUcp.Operations;
using WixUcp.Signatures;

namespace WixUcp.AspNetCore.Routing;

/// <summary>
/// The REST binding: turns an HTTP request into a <see cref="UcpCall"/> and the <see cref="UcpOutcome"/> back into a
/// response. The order of concerns, and why:
/// <list type="number">
/// <item>Size and media type: the body is read once into <see cref="IUcpRequestBodyFeature"/>, whose limit holds at
/// the first read whoever reads it, so nothing ever buffers more than <c>WixUcp:MaxRequestBytes</c>.</item>
/// <item>Authentication (middleware in front of the binding): signature checks read the same bounded body, and an
/// unauthenticated caller costs no profile fetch.</item>
/// <item>Negotiation, in <see cref="UcpOperations"/>: the version decides how the body is read and the answer written.</item>
/// <item>Idempotency: keys are scoped to the negotiated platform, and a retry must not run the operation twice.</item>
/// <item>The operation.</item>
/// </list>
/// </summary>
internal static class RestBinding
{
    public const string UcpAgentHeader = "UCP-Agent";
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>How the binding treats the request body of an operation.</summary>
    public enum Body
    {
        /// <summary>No body is read (GET).</summary>
        None,

        /// <summary>The body is read for the idempotency fingerprint but not decoded, so its media type is not checked (cancel).</summary>
        Opaque,

        /// <summary>The body is a JSON document the operation decodes.</summary>
        Json,
    }

    /// <summary>
    /// An endpoint with a UCP rate-limit policy that reaches its handler undecided ran without the framework's rate
    /// limiter: budgets would silently not apply, so the request fails loudly instead.
    /// </summary>
    public static void RequireRateLimiterMiddleware(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null && http.Features.Get<UcpRateLimitFeature>()?.Decision is null)
        {
            throw new InvalidOperationException("UCP endpoints carry rate-limit policies but no decision was made: add app.UseRateLimiter() after app.UseAuthentication().");
        }
    }

    /// <summary>Runs one operation for one request.</summary>
    /// <param name="http">The request.</param>
    /// <param name="body">How the body is treated.</param>
    /// <param name="operation">The operation to run.</param>
    /// <param name="personal">Whether answers carry personal data (checkouts, orders): then never stored by caches.</param>
    /// <param name="signed">Whether the answer carries an RFC 9421 response signature (UCP recommends it for completion).</param>
    public static async Task<IResult> InvokeAsync(
        HttpContext http, Body body, Func<UcpOperations, UcpCall, CancellationToken, ValueTask<UcpOutcome>> operation, bool personal = false, bool signed = false)
    {
        RequireRateLimiterMiddleware(http);
        if (personal)
        {
            http.Response.Headers.CacheControl = "no-store";
        }

        if (body == Body.Json && !IsJson(http.Request.ContentType))
        {
            return new UcpOutcomeResult(UcpOutcome.ProtocolError(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "Request bodies must be application/json."));
        }

        var call = new UcpCall
        {
            BaseUrl = BaseUrl(http),
            UcpAgent = http.Request.Headers[UcpAgentHeader].ToString(),
            IdempotencyKey = http.Request.Headers[IdempotencyKeyHeader].ToString(),
            Body = body == Body.None ? ReadOnlyMemory<byte>.Empty : await http.GetUcpRequestBody().ReadAsync(http.RequestAborted).ConfigureAwait(false),
            Caller = http.User,
        };
        var operations = http.RequestServices.GetRequiredService<UcpOperations>();
        var outcome = await operation(operations, call, http.RequestAborted).ConfigureAwait(false);
        if (signed)
        {
            // Signed over the exact bytes about to be sent, replays included.
            var signature = http.RequestServices.GetRequiredService<UcpSigningKeys>().SignResponse(
                outcome.StatusCode, UcpOutcomeResult.ContentType, outcome.Body.Span, http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
            http.Response.Headers["Content-Digest"] = signature.ContentDigest;
            http.Response.Headers["Signature-Input"] = signature.SignatureInput;
            http.Response.Headers["Signature"] = signature.Signature;
        }

        return new UcpOutcomeResult(outcome);
    }

    /// <summary>The configured public URL, else the one the request arrived at (correct behind proxies only with forwarded headers).</summary>
    public static Uri BaseUrl(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IOptions<WixUcpOptions>>().Value.PublicBaseUrl;
        if (configured is not null)
        {
            return configured;
        }

        var request = http.Request;
        return new Uri($"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}/");
    }

    // An absent media type is tolerated (many clients omit it for JSON); a declared one must be application/json or
    // a +json type, in UTF-8 (the only charset JSON may use between systems, RFC 8259).
    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || mediaType.MediaType.Value is not { } type)
        {
            return false;
        }

        var json = type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var charset = mediaType.Charset.Value;
        return json && (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }
}
