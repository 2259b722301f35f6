using System.Text.Json.Serialization;

namespace WixUcp.Sandbox;

[JsonSerializable(typeof(string[]))]
internal sealed partial class SandboxJsonContext : JsonSerializerContext;
