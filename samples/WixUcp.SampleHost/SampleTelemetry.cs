using Microsoft.AspNetCore.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using WixUcp.Diagnostics;

namespace WixUcp.SampleHost;

/// <summary>
/// Exports what the library and ASP.NET Core emit: metrics in the Prometheus text format at <c>/metrics</c>
/// (<c>METRICS_ENABLED</c>, default true; only on <c>WixUcp:Management:Port</c> when that is set, so it need not be
/// public), and traces by OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
internal static class SampleTelemetry
{
    private const string MetricsPath = "/metrics";

    public static void AddSampleTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var otel = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService("wixucp-sample-host"));
        if (MetricsEnabled(configuration))
        {
            otel.WithMetrics(metrics => metrics
                .AddMeter(WixUcpDiagnostics.MeterName)
                // The runtime's own meter: GC heap and allocations, thread pool, lock contention, working set.
                .AddMeter("System.Runtime")
                .AddAspNetCoreInstrumentation()
                // Scrapes read the current values, not a copy cached for a few hundred milliseconds.
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        }

        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT (and the other OTEL_* variables) itself.
            otel.WithTracing(tracing => tracing
                .AddSource(WixUcpDiagnostics.ActivitySourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter());
        }

        if (ManagementPort(configuration) is { } port)
        {
            // Listen on the management port as well as on the configured URLs.
            var urls = configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } configured ? configured : "http://localhost:5000";
            builder.WebHost.UseUrls([.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), $"http://*:{port}"]);
        }
    }

    public static void MapSampleTelemetry(this WebApplication app)
    {
        if (!MetricsEnabled(app.Configuration))
        {
            return;
        }

        var metrics = app.MapPrometheusScrapingEndpoint(MetricsPath);
        if (ManagementPort(app.Configuration) is { } port)
        {
            metrics.RequireHost($"*:{port}");
        }
    }

    private static bool MetricsEnabled(IConfiguration configuration) => configuration.GetValue("METRICS_ENABLED", defaultValue: true);

    private static int? ManagementPort(IConfiguration configuration) => configuration.GetValue<int?>("WixUcp:Management:Port");
}
