using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace WixUcp.AspNetCore.Tests.Infrastructure;

/// <summary>Raw JSON-RPC posts to <c>/ucp/mcp</c>, as the simplest real UCP clients send them: no initialize, one message per POST.</summary>
public sealed class McpCaller(HttpClient http, Uri profile)
{
    private int _nextId;

    public const string Path = "/ucp/mcp";

    /// <summary>Extra headers on every post (credentials).</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Uri Profile => profile;

    /// <summary><c>meta</c> with this caller's profile and, for state-changing tools, a fresh idempotency key unless one is given.</summary>
    public JsonObject Meta(string? idempotencyKey = "") => new()
    {
        ["ucp-agent"] = new JsonObject { ["profile"] = profile.AbsoluteUri },
        ["idempotency-key"] = idempotencyKey == "" ? Guid.NewGuid().ToString() : idempotencyKey,
    };

    /// <summary>Calls a tool; <paramref name="arguments"/> gets <c>meta</c> unless it has one.</summary>
    public Task<McpResponse> CallAsync(string tool, JsonObject arguments, string? accept = "application/json")
    {
        if (!arguments.ContainsKey("meta"))
        {
            arguments["meta"] = Meta();
        }

        return SendAsync("tools/call", new JsonObject { ["name"] = tool, ["arguments"] = arguments }, accept);
    }

    public Task<McpResponse> SendAsync(string method, JsonObject? parameters = null, string? accept = "application/json")
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = Interlocked.Increment(ref _nextId), ["method"] = method };
        if (parameters is not null)
        {
            message["params"] = parameters;
        }

        return PostAsync(message.ToJsonString(), accept);
    }

    public async Task<McpResponse> PostAsync(string body, string? accept = "application/json", string? contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new McpResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, Encoding.UTF8.GetString(bytes), headers);
    }
}

/// <summary>One JSON-RPC answer over HTTP.</summary>
public sealed record McpResponse(HttpStatusCode Status, string? MediaType, string Text, IReadOnlyDictionary<string, string> Headers)
{
    public JsonNode Json => JsonNode.Parse(Text) ?? throw new InvalidOperationException("null body");

    public JsonNode? Result => Json["result"];

    public JsonNode? Error => Json["error"];

    /// <summary>The tool result's UCP document, checked to equal the text copy.</summary>
    public JsonNode Document
    {
        get
        {
            var structured = Result?["structuredContent"] ?? throw new InvalidOperationException("No structuredContent in: " + Text);
            var text = Result["content"]![0]!["text"]!.GetValue<string>();
            Assert.True(JsonNode.DeepEquals(structured, JsonNode.Parse(text)), "content[0].text must be a copy of structuredContent");
            return structured;
        }
    }
}
