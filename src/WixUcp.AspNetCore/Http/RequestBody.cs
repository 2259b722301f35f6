using Microsoft.AspNetCore.Http;
using WixUcp.Protocol;

namespace WixUcp.AspNetCore.Http;

/// <summary>Reads the request body once, bounded, and shares it between filters and handlers.</summary>
internal static class RequestBody
{
    private static readonly object CacheKey = new();

    public static async ValueTask<ReadOnlyMemory<byte>> ReadAsync(HttpContext context, int limit)
    {
        if (context.Items.TryGetValue(CacheKey, out var cached) && cached is ReadOnlyMemory<byte> body)
        {
            return body;
        }

        if (context.Request.ContentLength > limit)
        {
            throw new RequestTooLargeException(limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new RequestTooLargeException(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        ReadOnlyMemory<byte> result = buffer.ToArray();
        context.Items[CacheKey] = result;
        return result;
    }

    /// <summary>Rejects bodies that declare a media type other than JSON.</summary>
    public static void RequireJson(HttpRequest request)
    {
        var contentType = request.ContentType;
        if (!string.IsNullOrEmpty(contentType)
            && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            && !contentType.Contains("+json", StringComparison.OrdinalIgnoreCase))
        {
            throw new UcpRequestException("Request bodies must be application/json.", null, "unsupported_media_type");
        }
    }
}
