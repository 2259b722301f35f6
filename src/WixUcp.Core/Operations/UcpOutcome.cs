using System.Text.Json;

namespace WixUcp.Operations;

/// <summary>
/// The answer of a UCP operation: its kind, an HTTP-equivalent status and the exact JSON bytes to send. The bytes are
/// final, so idempotent replays and signatures cover exactly what is sent.
/// </summary>
public sealed record UcpOutcome
{
    /// <summary>The kind of answer.</summary>
    public required UcpOutcomeKind Kind { get; init; }

    /// <summary>The HTTP status that the REST binding sends (other transports map it).</summary>
    public required int StatusCode { get; init; }

    /// <summary>The UTF-8 JSON document.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>For protocol errors: the UCP error code (for example <c>invalid_request</c>).</summary>
    public string? ErrorCode { get; init; }

    /// <summary>When the client should retry (sent as <c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>True when the outcome is a stored answer replayed for a repeated idempotency key.</summary>
    public bool IsReplay { get; init; }

    /// <summary>True when the operation ran (a resource or a business error): its answer may be replayed.</summary>
    public bool IsOperationAnswer => Kind != UcpOutcomeKind.ProtocolError;

    /// <summary>
    /// A protocol error: the operation did not run. The body is <c>{"code", "content", "path"?, "continue_url"?}</c>.
    /// Every transport and every rejection (validation, authentication, rate limits) writes errors through this one method.
    /// </summary>
    /// <param name="statusCode">The HTTP status, 4xx or 5xx (anything else throws).</param>
    /// <param name="code">The UCP error code.</param>
    /// <param name="content">A human-readable explanation; never internals.</param>
    /// <param name="path">The JSONPath of the offending member, when known.</param>
    /// <param name="continueUrl">Where a buyer may continue, when the business offers a way.</param>
    /// <param name="retryAfter">When to retry, for transient failures.</param>
    /// <returns>The outcome.</returns>
    public static UcpOutcome ProtocolError(int statusCode, string code, string content, string? path = null, Uri? continueUrl = null, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("code", code);
            writer.WriteString("content", content);
            if (path is not null)
            {
                writer.WriteString("path", path);
            }

            if (continueUrl is not null)
            {
                writer.WriteString("continue_url", continueUrl.AbsoluteUri);
            }

            writer.WriteEndObject();
        }

        return new UcpOutcome { Kind = UcpOutcomeKind.ProtocolError, StatusCode = statusCode, Body = buffer.ToArray(), ErrorCode = code, RetryAfter = retryAfter };
    }

    internal static UcpOutcome Of(UcpOutcomeKind kind, byte[] body) => new()
    {
        Kind = kind,
        StatusCode = kind == UcpOutcomeKind.Created ? 201 : 200,
        Body = body,
    };
}
