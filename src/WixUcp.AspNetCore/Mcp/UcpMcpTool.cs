using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using WixUcp.AspNetCore.RateLimiting;
using WixUcp.AspNetCore.Routing;
using WixUcp.Authentication;
using WixUcp.Diagnostics;
using WixUcp.Operations;
using WixUcp.RateLimiting;

namespace WixUcp.AspNetCore.Mcp;

/// <summary>
/// One UCP operation as an MCP tool: a thin adapter that builds the same <see cref="UcpCall"/> REST builds (profile and
/// idempotency key from the arguments' <c>meta</c>, the payload argument's exact JSON as the body, so idempotency
/// compares the tool arguments and never the JSON-RPC envelope, whose <c>id</c> changes on every retry), applies the
/// same permission and rate-limit budget, and answers the bare UCP document as <c>structuredContent</c> with a text
/// copy. Protocol errors become JSON-RPC errors with UCP's codes and <c>data</c> <c>{code, content}</c>; the HTTP
/// status the REST binding would send travels to <see cref="UcpMcpEndpoint"/>, which sends it too.
/// </summary>
internal sealed class UcpMcpTool(UcpMcpToolDefinition definition, JsonElement inputSchema) : McpServerTool
{
    private const int MaxIdLength = 256;

    public override Tool ProtocolTool { get; } = new() { Name = definition.Name, Description = definition.Description, InputSchema = inputSchema };

    public override IReadOnlyList<object> Metadata { get; } = [];

    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var services = request.Services ?? throw new InvalidOperationException("The MCP request has no services.");
        var http = services.GetRequiredService<IHttpContextAccessor>().HttpContext ?? throw new InvalidOperationException("UCP tools are served over HTTP only.");
        var arguments = request.Params?.Arguments ?? new Dictionary<string, JsonElement>();
        var meta = arguments.TryGetValue("meta", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var profile = String(meta, "ucp-agent", "profile");
        var idempotencyKey = String(meta, "idempotency-key");

        var id = "";
        if (definition.TakesId)
        {
            id = arguments.TryGetValue("id", out var idArgument) && idArgument.ValueKind == JsonValueKind.String ? idArgument.GetString()! : "";
            if (id.Length is 0 or > MaxIdLength)
            {
                throw Fail(http, StatusCodes.Status400BadRequest, "invalid_request", $"The id argument is required: a string of 1 to {MaxIdLength} characters.");
            }
        }

        var body = ReadOnlyMemory<byte>.Empty;
        if (definition.Payload is { } payload)
        {
            // The exact bytes the client sent for the payload, as REST fingerprints its exact body.
            if (!arguments.TryGetValue(payload, out var document) || document.ValueKind != JsonValueKind.Object)
            {
                throw Fail(http, StatusCodes.Status400BadRequest, "invalid_request", $"The {payload} argument is required: a JSON object.");
            }

            body = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(document).ToArray();
        }

        var user = request.User ?? http.User;
        Authorize(http, services, user);
        await LimitAsync(http, services, user, cancellationToken).ConfigureAwait(false);

        var call = new UcpCall
        {
            BaseUrl = RestBinding.BaseUrl(http),
            // Over HTTP the platform may send UCP-Agent as well (UCP 2026-04-08); meta wins when both are present.
            UcpAgent = profile is null ? http.Request.Headers[RestBinding.UcpAgentHeader].ToString() : $"profile=\"{profile.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"",
            IdempotencyKey = idempotencyKey ?? http.Request.Headers[RestBinding.IdempotencyKeyHeader].ToString(),
            Body = body,
            Caller = user,
            Transport = "mcp",
        };
        var outcome = await definition.Run(services.GetRequiredService<UcpOperations>(), call, id, cancellationToken).ConfigureAwait(false);
        if (outcome.Kind == UcpOutcomeKind.ProtocolError)
        {
            throw Fail(http, outcome);
        }

        using var parsed = JsonDocument.Parse(outcome.Body);
        return new CallToolResult
        {
            StructuredContent = parsed.RootElement.Clone(),
            Content = [new TextContentBlock { Text = System.Text.Encoding.UTF8.GetString(outcome.Body.Span) }],
            Meta = outcome.IsReplay ? new JsonObject { ["idempotent-replayed"] = true } : null,
        };
    }

    private static string? String(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }

    private void Authorize(HttpContext http, IServiceProvider services, ClaimsPrincipal? user)
    {
        if (services.GetRequiredService<IOptions<WixUcpOptions>>().Value.Auth.Enabled && user?.HasClaim(UcpClaimTypes.Permission, definition.Permission) != true)
        {
            throw Fail(http, StatusCodes.Status403Forbidden, "forbidden", $"These credentials lack the permission this tool needs ({definition.Permission}).");
        }
    }

    // The same budgets as REST, counted per tool call, with the same headers; a refusal is -32000 with retry_after.
    private async ValueTask LimitAsync(HttpContext http, IServiceProvider services, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        var gate = services.GetRequiredService<RateLimitGate>();
        if (!gate.Enabled)
        {
            return;
        }

        var client = RateLimitGate.ClientKey(user?.FindFirstValue(UcpClaimTypes.Platform), UcpRequestContext.Current?.ClientAddress ?? http.Connection.RemoteIpAddress?.ToString());
        var decision = await gate.DecideAsync(definition.Policy, client, cancellationToken).ConfigureAwait(false);
        UcpRateLimitHeaders.Write(http.Response, decision);
        if (!decision.IsAllowed)
        {
            throw decision.StoreUnavailable
                ? Fail(http, StatusCodes.Status503ServiceUnavailable, "backend_unavailable", "Rate limits cannot be checked right now; retry shortly.", TimeSpan.FromSeconds(1))
                : Fail(http, StatusCodes.Status429TooManyRequests, "rate_limit_exceeded", "Too many calls of this tool; retry after the delay given.", decision.RetryAfter);
        }
    }

    private static McpProtocolException Fail(HttpContext http, UcpOutcome outcome)
    {
        using var body = JsonDocument.Parse(outcome.Body);
        var root = body.RootElement;
        return Fail(http, outcome.StatusCode, outcome.ErrorCode ?? "internal_error", String(root, "content") ?? "", outcome.RetryAfter, String(root, "continue_url"), String(root, "path"));
    }

    private static McpProtocolException Fail(HttpContext http, int status, string code, string content, TimeSpan? retryAfter = null, string? continueUrl = null, string? path = null)
    {
        var exception = new McpProtocolException(content.Length == 0 ? code : content, (McpErrorCode)UcpMcpErrors.RpcCode(code, status));
        exception.Data["code"] = code;
        exception.Data["content"] = content;
        if (path is not null)
        {
            exception.Data["path"] = path;
        }

        if (continueUrl is not null)
        {
            exception.Data["continue_url"] = continueUrl;
        }

        if (retryAfter is { } delay)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds));
            exception.Data["retry_after"] = seconds;
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        UcpMcpEndpoint.SetStatus(http, status);
        return exception;
    }
}
