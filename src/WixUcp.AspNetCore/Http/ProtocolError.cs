using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace WixUcp.AspNetCore.Http;

/// <summary>
/// A protocol-level error (the operation did not run): an HTTP status with the body
/// <c>{"code": "...", "content": "...", "path"?: "...", "continue_url"?: "..."}</c>.
/// </summary>
internal static class ProtocolError
{
    public static UcpJsonResult Create(int status, string code, string content, string? path = null, Uri? continueUrl = null, IReadOnlyDictionary<string, string>? headers = null)
    {
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

        return new UcpJsonResult(status, buffer.ToArray()) { Headers = headers };
    }

    public static UcpJsonResult BadRequest(string code, string content, string? path = null) =>
        Create(StatusCodes.Status400BadRequest, code, content, path);
}
