using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WixUcp.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A platform's webhook endpoint on loopback: <c>POST /webhooks/{scenario}/...</c>. It records every request as
/// received, and answers each scenario from a script of status codes (then 204), optionally after a delay.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, TimeSpan Delay)>> _scripts = new(StringComparer.Ordinal);

    private WebhookReceiver(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public Uri Url(string scenario, string path = "orders") => new(BaseUrl, $"webhooks/{scenario}/{path}");

    public IReadOnlyList<ReceivedWebhook> For(string scenario) => [.. Received.Where(r => r.Scenario == scenario)];

    /// <summary>The next answers of <paramref name="scenario"/>, in order; after them, 204.</summary>
    public void Script(string scenario, params (int Status, TimeSpan Delay)[] answers)
    {
        var queue = _scripts.GetOrAdd(scenario, _ => new ConcurrentQueue<(int, TimeSpan)>());
        foreach (var answer in answers)
        {
            queue.Enqueue(answer);
        }
    }

    /// <summary>Forgets what is left of <paramref name="scenario"/>'s script: it answers 204 from now on.</summary>
    public void ClearScript(string scenario) => _scripts.TryRemove(scenario, out _);

    /// <summary>Waits (bounded) until <paramref name="scenario"/> has received <paramref name="count"/> requests.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(string scenario, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (For(scenario).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return For(scenario);
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookReceiver? self = null;
        app.MapPost("/webhooks/{scenario}/{**rest}", async (HttpContext http, string scenario) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            var answer = self!._scripts.TryGetValue(scenario, out var script) && script.TryDequeue(out var next) ? next : (Status: 204, Delay: TimeSpan.Zero);
            self.Received.Enqueue(new ReceivedWebhook(
                scenario,
                http.Request.Method,
                http.Request.Host.Value!,
                http.Request.Path.Value!,
                http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
                buffer.ToArray(),
                answer.Status));
            await Task.Delay(answer.Delay);
            return Results.StatusCode(answer.Status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new WebhookReceiver(app, new Uri(address.TrimEnd('/') + "/"));
        return self;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

/// <summary>One request as the receiver got it.</summary>
public sealed record ReceivedWebhook(string Scenario, string Method, string Host, string Path, Dictionary<string, string> Headers, byte[] Body, int Answered)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);

    // RFC 9421 §2.2: derived components from the request as received.
    public string Derived(string name) => name switch
    {
        "@method" => Method,
        "@authority" => Host.ToLowerInvariant(),
        "@path" => Path,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
