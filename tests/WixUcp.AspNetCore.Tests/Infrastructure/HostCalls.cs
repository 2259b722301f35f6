using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace WixUcp.AspNetCore.Tests.Infrastructure;

/// <summary>UCP calls to a sample host process, as a platform sends them: UCP-Agent, and an idempotency key on every write.</summary>
internal static class HostCalls
{
    public static async Task<HostResponse> SendAsync(
        SampleHostProcess host, FakePlatform platform, HttpMethod method, string path, string? body, Action<HttpRequestMessage>? headers = null, string profile = FakePlatform.AllCapabilities)
    {
        using var client = host.Client();
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("UCP-Agent", platform.Agent(profile));
        headers?.Invoke(request);
        if (method != HttpMethod.Get)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new HostResponse(
            response.StatusCode,
            text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!,
            response.Headers.TryGetValues("X-Request-ID", out var ids) ? ids.Single() : null);
    }
}

internal sealed record HostResponse(HttpStatusCode Status, JsonNode Json, string? RequestId);
