namespace WixUcp.AspNetCore.Mcp;

/// <summary>Registered by <c>AddUcpMcp()</c>, so <c>MapWixUcp()</c> maps the MCP endpoint and the profile advertises it.</summary>
internal sealed class UcpMcpMarker;
