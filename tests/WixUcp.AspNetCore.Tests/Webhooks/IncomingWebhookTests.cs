using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WixUcp.Webhooks;

namespace WixUcp.AspNetCore.Tests.Webhooks;

/// <summary>An endpoint behind <c>RequireUcpWebhookSignature</c> on a real loopback server: only verified calls reach it.</summary>
public sealed class IncomingWebhookTests
{
    private static readonly byte[] Secret = "store-webhook-secret"u8.ToArray();

    [Fact]
    public async Task Only_verified_calls_reach_the_endpoint_and_the_others_get_401_saying_why()
    {
        var handled = new List<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddWixUcp();
        await using var app = builder.Build();
        app.MapPost("/hooks/{store}", async (HttpContext http, string store) =>
        {
            var body = await http.GetUcpRequestBody().ReadAsync(http.RequestAborted);
            lock (handled)
            {
                handled.Add(Encoding.UTF8.GetString(body.Span));
            }

            return Results.NoContent();
        }).RequireUcpWebhookSignature(http => ValueTask.FromResult((string?)http.Request.RouteValues["store"] == "known" ? Secret : null));
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        async Task<(HttpStatusCode Status, string Body)> SendAsync(string store, string body, string? signature, string? timestamp)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/{store}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (signature is not null)
            {
                request.Headers.TryAddWithoutValidation(IncomingWebhookVerifier.SignatureHeader, signature);
            }

            if (timestamp is not null)
            {
                request.Headers.TryAddWithoutValidation(IncomingWebhookVerifier.TimestampHeader, timestamp);
            }

            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        const string Body = """{"id":"evt_1"}""";
        var signature = IncomingWebhookVerifier.Sign(Secret, now, Encoding.UTF8.GetBytes(Body));

        var valid = await SendAsync("known", Body, signature, now);
        var unsigned = await SendAsync("known", Body, null, now);
        var tampered = await SendAsync("known", """{"id":"evt_2"}""", signature, now);
        var unknownStore = await SendAsync("unknown", Body, signature, now);

        Assert.Equal(HttpStatusCode.NoContent, valid.Status);
        Assert.All(new[] { unsigned, tampered, unknownStore }, r => Assert.Equal(HttpStatusCode.Unauthorized, r.Status));
        Assert.Contains("webhook_signature_invalid", unsigned.Body, StringComparison.Ordinal);
        Assert.Contains("is missing", unsigned.Body, StringComparison.Ordinal);
        Assert.Equal([Body], handled);   // nothing else ran
    }

    [Fact]
    public async Task A_verified_body_still_binds_to_the_endpoints_parameters_and_an_oversized_one_gets_413()
    {
        var received = new List<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddWixUcp(o => o.MaxRequestBytes = 1024);
        await using var app = builder.Build();
        app.MapPost("/hooks", (System.Text.Json.JsonElement payload) =>
        {
            lock (received)
            {
                received.Add(payload.GetProperty("id").GetString()!);
            }

            return Results.NoContent();
        }).RequireUcpWebhookSignature(_ => ValueTask.FromResult<byte[]?>(Secret));
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        async Task<HttpResponseMessage> SendAsync(string body)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation(IncomingWebhookVerifier.SignatureHeader, IncomingWebhookVerifier.Sign(Secret, now, Encoding.UTF8.GetBytes(body)));
            request.Headers.TryAddWithoutValidation(IncomingWebhookVerifier.TimestampHeader, now);
            return await client.SendAsync(request, TestContext.Current.CancellationToken);
        }

        using var bound = await SendAsync("""{"id":"evt_bound"}""");
        using var oversized = await SendAsync("{\"id\":\"evt_big\",\"pad\":\"" + new string('x', 2048) + "\"}");

        Assert.Equal(HttpStatusCode.NoContent, bound.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Contains("request_too_large", await oversized.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(["evt_bound"], received);
    }
}
