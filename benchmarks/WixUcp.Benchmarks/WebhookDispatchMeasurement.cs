using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WixUcp.Webhooks;

namespace WixUcp.Benchmarks;

/// <summary>
/// Order webhook dispatch against a receiver on loopback, with the library's defaults (in-memory outbox, 4 attempts in
/// flight per receiver, batches of 32; the committing path wakes the dispatcher, a 1 s poll covers other replicas):
/// throughput: 2,000 deliveries enqueued at once, deliveries per second until the receiver has them all, against a
/// baseline measured in the same run: the same bodies POSTed by 4 bare HttpClient workers (no outbox, no signing);
/// delay: 100 deliveries per second for 10 s, the time from enqueue (the order change) to arrival, p50/p95/p99.
/// Arguments: [rate per second] [seconds].
/// </summary>
internal static class WebhookDispatchMeasurement
{
    private const int Burst = 2_000;
    private const int Workers = 4;

    public static async Task RunAsync(string[] args)
    {
        var rate = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var body = Encoding.UTF8.GetBytes(OrderJson);
        var arrivals = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        await using var receiver = await StartReceiverAsync(arrivals);
        var target = new Uri(receiver.Urls.First() + "/hooks/orders");

        // Baseline: bare POSTs of the same body, 4 at a time.
        using var http = new HttpClient();
        var baseline = await TimeAsync(async () => await Task.WhenAll(Enumerable.Range(0, Workers).Select(async w =>
        {
            for (var i = w; i < Burst; i += Workers)
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new("application/json");
                using var response = await http.PostAsync(target, content);
            }
        })));
        arrivals.Clear();

        await using var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddWixUcp(o =>
            {
                o.Webhooks.AllowInsecureLoopbackTargets = true;
                o.Negotiation.AllowInsecureLoopbackProfiles = true;   // the SSRF guard admits loopback only in this mode
            })
            .Services.BuildServiceProvider();
        var outbox = services.GetRequiredService<IWebhookOutbox>();
        var wakeup = services.GetRequiredService<WebhookWakeup>();
        var dispatcher = services.GetServices<IHostedService>().Single(s => s.GetType().Name == "WebhookDispatcher");
        await dispatcher.StartAsync(CancellationToken.None);

        // Throughput: a burst enqueued at once.
        var burst = Enumerable.Range(0, Burst).Select(_ => Delivery(target, body)).ToList();
        var dispatched = await TimeAsync(async () =>
        {
            await outbox.EnqueueAsync(burst, CancellationToken.None);
            wakeup.Notify();   // as the completion and order-change paths do after their commit
            while (arrivals.Count < Burst)
            {
                await Task.Delay(5);
            }
        });

        // Delay: a steady rate, each delivery timed from its enqueue to its arrival.
        arrivals.Clear();
        var enqueued = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rate * seconds; i++)
        {
            var due = interval * i;
            if (clock.Elapsed < due)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var delivery = Delivery(target, body);
            enqueued[delivery.Id] = Stopwatch.GetTimestamp();
            await outbox.EnqueueAsync([delivery], CancellationToken.None);
            wakeup.Notify();
        }

        while (arrivals.Count < enqueued.Count)
        {
            await Task.Delay(5);
        }

        await dispatcher.StopAsync(CancellationToken.None);
        var delays = enqueued.Select(e => Stopwatch.GetElapsedTime(e.Value, arrivals[e.Key]).TotalMilliseconds).Order().ToArray();
        double Percentile(double p) => delays[(int)Math.Ceiling(p * delays.Length) - 1];

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; order body {body.Length} bytes");
        Console.WriteLine($"throughput: dispatcher {Burst / dispatched.TotalSeconds:N0} deliveries/s ({dispatched.TotalMilliseconds:N0} ms for {Burst}); "
            + $"baseline bare POSTs {Burst / baseline.TotalSeconds:N0}/s; ratio {baseline.TotalSeconds / dispatched.TotalSeconds:N2}");
        Console.WriteLine($"delay at {rate}/s for {seconds} s ({delays.Length} deliveries): p50 {Percentile(0.50):N1} ms, p95 {Percentile(0.95):N1} ms, p99 {Percentile(0.99):N1} ms, max {delays[^1]:N1} ms");
    }

    private static WebhookDelivery Delivery(Uri target, byte[] body) => new()
    {
        Id = Guid.NewGuid().ToString(),
        TenantId = "default",
        OrderId = "ord_bench",
        OrderVersion = 1,
        Target = target,
        UcpAgent = "profile=\"https://shop.example/.well-known/ucp\"",
        Body = body,
        CreatedAt = DateTimeOffset.UtcNow,
        NextAttemptAt = DateTimeOffset.UtcNow,
    };

    private static async Task<TimeSpan> TimeAsync(Func<Task> run)
    {
        var started = Stopwatch.GetTimestamp();
        await run();
        return Stopwatch.GetElapsedTime(started);
    }

    private static async Task<WebApplication> StartReceiverAsync(ConcurrentDictionary<string, long> arrivals)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/hooks/orders", async (HttpContext http) =>
        {
            using var drain = new MemoryStream();
            await http.Request.Body.CopyToAsync(drain);
            arrivals.TryAdd(http.Request.Headers["Webhook-Id"].ToString() is { Length: > 0 } id ? id : Guid.NewGuid().ToString(), Stopwatch.GetTimestamp());
            return Results.NoContent();
        });
        await app.StartAsync();
        _ = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        return app;
    }

    // A typical placed order (two lines, shipping, a discount) as 2026-04-08 writes it.
    private const string OrderJson = """
        {"ucp":{"version":"2026-04-08","capabilities":{"dev.ucp.shopping.order":[{"version":"2026-04-08"}]}},"id":"ord_0123456789abcdef","checkout_id":"chk_0123456789abcdef0123456789abcdef","permalink_url":"https://shop.example/orders/ord_0123456789abcdef","line_items":[{"id":"li_1","item":{"id":"tea_sencha","title":"Sencha Green Tea 100g","price":1200,"image_url":"https://images.example.com/tea/sencha.jpg"},"quantity":{"original":2,"total":2,"fulfilled":0},"totals":[{"type":"subtotal","amount":2400},{"type":"total","amount":2400}],"status":"processing"},{"id":"li_2","item":{"id":"cup_porcelain","title":"Porcelain Cup","price":1800},"quantity":{"original":1,"total":1,"fulfilled":0},"totals":[{"type":"subtotal","amount":1800},{"type":"total","amount":1800}],"status":"processing"}],"fulfillment":{"expectations":[{"id":"exp_1","line_items":[{"id":"li_1","quantity":2},{"id":"li_2","quantity":1}],"method_type":"shipping","destination":{"street_address":"1 Main St","address_locality":"San Francisco","address_region":"CA","postal_code":"94103","address_country":"US"},"description":"Standard shipping"}],"events":[]},"currency":"USD","totals":[{"type":"subtotal","amount":4200},{"type":"discount","amount":-420},{"type":"fulfillment","amount":500},{"type":"total","amount":4280}]}
        """;
}
