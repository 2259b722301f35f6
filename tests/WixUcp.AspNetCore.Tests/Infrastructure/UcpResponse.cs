using System.Net;
using System.Text.Json.Nodes;

namespace WixUcp.AspNetCore.Tests.Infrastructure;

/// <summary>A response with its raw bytes and parsed JSON.</summary>
public sealed record UcpResponse(HttpStatusCode Status, byte[] Bytes, HttpResponseMessage Message)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Bytes);

    public JsonNode Json => JsonNode.Parse(Bytes) ?? throw new InvalidOperationException("null body");

    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) || Message.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;
}
