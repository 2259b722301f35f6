using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace WixUcp.AspNetCore.Tests.Infrastructure;

/// <summary>Speaks the REST binding as a platform would: UCP-Agent on every call, an Idempotency-Key on every state change.</summary>
public sealed class UcpClient(HttpClient http, string agent)
{
    public HttpClient Http => http;

    public Task<UcpResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, body: null, idempotencyKey: null);

    public Task<UcpResponse> PostAsync(string path, string? body, string? idempotencyKey = "") =>
        SendAsync(HttpMethod.Post, path, body, idempotencyKey == "" ? Guid.NewGuid().ToString() : idempotencyKey);

    public Task<UcpResponse> PutAsync(string path, string body, string? idempotencyKey = "") =>
        SendAsync(HttpMethod.Put, path, body, idempotencyKey == "" ? Guid.NewGuid().ToString() : idempotencyKey);

    public async Task<UcpResponse> SendAsync(HttpMethod method, string path, string? body, string? idempotencyKey, string contentType = "application/json", string? agentOverride = null)
    {
        using var request = new HttpRequestMessage(method, path);
        var agentValue = agentOverride ?? agent;
        if (agentValue.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("UCP-Agent", agentValue);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        request.Headers.Add("Request-Id", Guid.NewGuid().ToString());
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        return new UcpResponse(response.StatusCode, bytes, response);
    }

    public static string Body(JsonNode node) => node.ToJsonString();
}
