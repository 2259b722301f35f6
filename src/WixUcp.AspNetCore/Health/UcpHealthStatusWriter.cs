using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WixUcp.AspNetCore.Health;

/// <summary>
/// Writes <c>/health/status</c>: the overall state and, per component, its state, how long its check took and the
/// check's own description. Exceptions are never written: their text may name hosts or carry connection details.
/// </summary>
internal static class UcpHealthStatusWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("status", report.Status.ToString());
        writer.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 2));
        writer.WriteStartObject("components");
        foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.WriteStartObject(name);
            writer.WriteString("status", entry.Status.ToString());
            writer.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 2));
            if (entry.Description is { } description)
            {
                writer.WriteString("description", description);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
