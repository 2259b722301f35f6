namespace WixUcp.Operations;

/// <summary>Where the shopping service is bound, as the business profile advertises it: one absolute URL per transport.</summary>
/// <param name="Rest">The REST binding's base URL (for example <c>https://shop.example/ucp</c>).</param>
/// <param name="Mcp">The MCP binding's endpoint (for example <c>https://shop.example/ucp/mcp</c>), or null when MCP is not served.</param>
public sealed record UcpServiceEndpoints(Uri Rest, Uri? Mcp = null);
