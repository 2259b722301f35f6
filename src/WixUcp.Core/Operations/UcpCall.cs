using System.Security.Claims;

namespace WixUcp.Operations;

/// <summary>
/// One UCP call as a transport (REST, MCP) hands it to <see cref="UcpOperations"/>: the transport has already bounded
/// the body and checked its media type; everything else (negotiation, idempotency, decoding) happens in the operation layer.
/// </summary>
public sealed record UcpCall
{
    /// <summary>
    /// The absolute URL this server is reached at: <c>WixUcp:PublicBaseUrl</c> when configured (production hosts should);
    /// otherwise the REST binding takes the request's scheme and host, which is right only behind trusted forwarded headers.
    /// </summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The <c>UCP-Agent</c> value naming the platform profile, as sent.</summary>
    public string? UcpAgent { get; init; }

    /// <summary>The request document (JSON), already bounded by the transport; empty when the operation has none.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The <c>Idempotency-Key</c> of a state-changing call, as sent.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The authenticated caller, when the transport authenticated one.</summary>
    public ClaimsPrincipal? Caller { get; init; }

    /// <summary>The transport the call arrived by (<c>rest</c>, <c>mcp</c>), as metrics and traces label it.</summary>
    public string Transport { get; init; } = "rest";
}
