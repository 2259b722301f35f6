using WixUcp.Operations;

namespace WixUcp.AspNetCore.Mcp;

/// <summary>What one UCP tool is: its name, what it reads, what it needs, and the operation it runs.</summary>
/// <param name="Name">The tool name (UCP 2026-04-08's method name).</param>
/// <param name="Description">What the tool does, for agents reading <c>tools/list</c>.</param>
/// <param name="Payload">The argument carrying the request document (<c>checkout</c>, <c>catalog</c>), or null.</param>
/// <param name="Schema">The operation whose request schema describes the payload, or null.</param>
/// <param name="TakesId">Whether the <c>id</c> argument names the resource.</param>
/// <param name="RequiresIdempotencyKey">Whether <c>meta.idempotency-key</c> is required (complete and cancel).</param>
/// <param name="Permission">The permission a caller needs while authentication is on.</param>
/// <param name="Policy">The rate-limit policy the call counts against.</param>
/// <param name="Run">The operation.</param>
internal sealed record UcpMcpToolDefinition(
    string Name,
    string Description,
    string? Payload,
    string? Schema,
    bool TakesId,
    bool RequiresIdempotencyKey,
    string Permission,
    string Policy,
    Func<UcpOperations, UcpCall, string, CancellationToken, ValueTask<UcpOutcome>> Run);
