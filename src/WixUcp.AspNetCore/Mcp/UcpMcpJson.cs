using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace WixUcp.AspNetCore.Mcp;

/// <summary>Source-generated JSON contracts of the MCP binding.</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class UcpMcpJson : JsonSerializerContext;
