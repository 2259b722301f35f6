using System.Buffers;
using System.Globalization;
using System.Security.Claims;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using WixUcp.AspNetCore.Http;
using WixUcp.AspNetCore.RateLimiting;
using WixUcp.Authentication;
using WixUcp.Diagnostics;
using WixUcp.Operations;
using WixUcp.RateLimiting;

namespace WixUcp.AspNetCore.Mcp;

/// <summary>
/// What stands in front of the MCP SDK's Streamable HTTP handler at <c>POST {prefix}/mcp</c>, without forking it:
/// <list type="bullet">
/// <item>The body is read once through <see cref="IUcpRequestBodyFeature"/> (bounded by <c>WixUcp:MaxRequestBytes</c>,
/// the bytes RFC 9421 signatures were checked over) and handed to the SDK as a fresh stream.</item>
/// <item>Real UCP clients send <c>Accept: application/json</c> or none, and skip <c>initialize</c>; the SDK wants both
/// media types and answers as an event stream. The adapter asks the SDK for both and answers every single message as
/// plain <c>application/json</c>, which Streamable HTTP allows and every client reads.</item>
/// <item>Protocol errors carry the HTTP status REST would send (UCP: "over Streamable HTTP, also send the matching
/// status"), with <c>Retry-After</c> where it applies.</item>
/// <item>Methods other than <c>tools/call</c> count against the profile budget; each tool call counts against its
/// operation's, in <see cref="UcpMcpTool"/>.</item>
/// </list>
/// </summary>
internal static class UcpMcpEndpoint
{
    private const string StatusItem = "WixUcp.Mcp.Status";
    private const string EventStream = "text/event-stream";

    /// <summary>Records the HTTP status of a tool call's protocol error, sent with its JSON-RPC error.</summary>
    public static void SetStatus(HttpContext http, int status) => http.Items[StatusItem] = status;

    /// <summary>Wraps the SDK's request delegate.</summary>
    public static RequestDelegate Wrap(RequestDelegate sdk) => http => InvokeAsync(http, sdk);

    private static async Task InvokeAsync(HttpContext http, RequestDelegate sdk)
    {
        http.Response.Headers.CacheControl = "no-store";
        ReadOnlyMemory<byte> body;
        try
        {
            body = await http.GetUcpRequestBody().ReadAsync(http.RequestAborted).ConfigureAwait(false);
        }
        catch (RequestTooLargeException ex)
        {
            await WriteErrorAsync(http, null, UcpOutcome.ProtocolError(StatusCodes.Status413PayloadTooLarge, "request_too_large", ex.Message)).ConfigureAwait(false);
            return;
        }

        var envelope = Envelope.Read(body);
        if (envelope.Error is { } malformed)
        {
            await WriteErrorAsync(http, envelope.Id, UcpOutcome.ProtocolError(StatusCodes.Status400BadRequest, "invalid_request", malformed), envelope.RpcCode).ConfigureAwait(false);
            return;
        }

        if (envelope.Method != "tools/call" && await RefuseOverBudgetAsync(http).ConfigureAwait(false) is { } refusal)
        {
            await WriteErrorAsync(http, envelope.Id, refusal).ConfigureAwait(false);
            return;
        }

        var request = http.Request;
        request.Body = MemoryMarshal.TryGetArray(body, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(body.ToArray(), writable: false);
        request.ContentLength = body.Length;
        request.Headers.Accept = "application/json, " + EventStream;
        if (string.IsNullOrEmpty(request.ContentType))
        {
            request.ContentType = "application/json";
        }

        var original = http.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        http.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer));
        try
        {
            await sdk(http).ConfigureAwait(false);
        }
        finally
        {
            http.Features.Set(original);
        }

        var response = http.Response;
        ReadOnlyMemory<byte> answer = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (response.ContentType?.StartsWith(EventStream, StringComparison.OrdinalIgnoreCase) == true)
        {
            answer = LastEvent(answer);
            response.ContentType = UcpOutcomeResult.ContentType;
            response.Headers.ContentEncoding = default;
            response.Headers.CacheControl = "no-store";
            if (http.Items[StatusItem] is int status)
            {
                response.StatusCode = status;
            }
        }

        response.ContentLength = answer.Length;
        await response.Body.WriteAsync(answer, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// A protocol error in front of the SDK (authentication, limits, malformed envelopes) as a JSON-RPC error response,
    /// with the UCP error body as <c>data</c> and the REST status.
    /// </summary>
    public static Task WriteErrorAsync(HttpContext http, JsonElement? id, UcpOutcome outcome, int? rpcCode = null)
    {
        var response = http.Response;
        response.StatusCode = outcome.StatusCode;
        response.ContentType = UcpOutcomeResult.ContentType;
        response.Headers.XContentTypeOptions = "nosniff";
        if (outcome.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            using var data = JsonDocument.Parse(outcome.Body);
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WritePropertyName("id");
            if (id is { } value)
            {
                value.WriteTo(writer);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteStartObject("error");
            writer.WriteNumber("code", rpcCode ?? UcpMcpErrors.RpcCode(outcome.ErrorCode ?? "", outcome.StatusCode));
            writer.WriteString("message", data.RootElement.TryGetProperty("content", out var content) ? content.GetString() : outcome.ErrorCode);
            writer.WritePropertyName("data");
            data.RootElement.WriteTo(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        response.ContentLength = buffer.WrittenCount;
        return response.Body.WriteAsync(buffer.WrittenMemory, http.RequestAborted).AsTask();
    }

    private static async ValueTask<UcpOutcome?> RefuseOverBudgetAsync(HttpContext http)
    {
        var gate = http.RequestServices.GetRequiredService<RateLimitGate>();
        if (!gate.Enabled)
        {
            return null;
        }

        var client = RateLimitGate.ClientKey(http.User.FindFirstValue(UcpClaimTypes.Platform), UcpRequestContext.Current?.ClientAddress ?? http.Connection.RemoteIpAddress?.ToString());
        var decision = await gate.DecideAsync(UcpRateLimitPolicies.Profile, client, http.RequestAborted).ConfigureAwait(false);
        UcpRateLimitHeaders.Write(http.Response, decision);
        return decision.IsAllowed
            ? null
            : decision.StoreUnavailable
                ? UcpOutcome.ProtocolError(StatusCodes.Status503ServiceUnavailable, "backend_unavailable", "Rate limits cannot be checked right now; retry shortly.", retryAfter: TimeSpan.FromSeconds(1))
                : UcpOutcome.ProtocolError(StatusCodes.Status429TooManyRequests, "rate_limit_exceeded", "Too many requests; retry after the delay given.", retryAfter: decision.RetryAfter);
    }

    // A stateless request gets one event, its response; should the SDK send notifications first, the response is last.
    // The SDK writes each message as one "data:" line of compact JSON.
    private static ReadOnlyMemory<byte> LastEvent(ReadOnlyMemory<byte> stream)
    {
        ReadOnlyMemory<byte> last = default;
        var rest = stream;
        while (!rest.IsEmpty)
        {
            var end = rest.Span.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? default : rest[(end + 1)..];
            if (line.Span.StartsWith("data:"u8))
            {
                line = line[5..];
                last = line.Span.StartsWith(" "u8) ? line[1..] : line;
                last = last.Span.EndsWith("\r"u8) ? last[..^1] : last;
            }
        }

        return last;
    }

    /// <summary>The parts of a JSON-RPC envelope the adapter needs, or why it is not one this server serves.</summary>
    private readonly record struct Envelope(string? Method, JsonElement? Id, string? Error, int RpcCode)
    {
        public static Envelope Read(ReadOnlyMemory<byte> body)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Array)
                {
                    return new(null, null, "JSON-RPC batches are not supported: send one request per POST.", -32600);
                }

                if (root.ValueKind != JsonValueKind.Object)
                {
                    return new(null, null, "The body must be a JSON-RPC 2.0 request object.", -32600);
                }

                JsonElement? id = root.TryGetProperty("id", out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? value.Clone() : null;
                var method = root.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                return method is null
                    ? new(null, id, "The request has no method.", -32600)
                    : new(method, id, null, 0);
            }
            catch (JsonException)
            {
                return new(null, null, "The body is not JSON.", -32700);
            }
        }
    }
}
