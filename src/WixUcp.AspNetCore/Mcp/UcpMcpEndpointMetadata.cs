namespace WixUcp.AspNetCore.Mcp;

/// <summary>Marks the MCP endpoint, so rejections in front of it (authentication) answer as JSON-RPC errors.</summary>
internal sealed class UcpMcpEndpointMetadata
{
    public static readonly UcpMcpEndpointMetadata Instance = new();
}
