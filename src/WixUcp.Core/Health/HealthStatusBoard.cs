using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WixUcp.Health;

/// <summary>
/// Keeps the latest state of each health check, as the framework's health check publisher reports it, so the
/// <c>wixucp.health.status</c> gauge shows readiness per component (1 healthy, 0.5 degraded, 0 unhealthy) to Prometheus,
/// which alerts on it.
/// </summary>
internal sealed class HealthStatusBoard : IHealthCheckPublisher
{
    private readonly ConcurrentDictionary<string, double> _components = new(StringComparer.Ordinal);

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        foreach (var (name, entry) in report.Entries)
        {
            _components[name] = entry.Status switch
            {
                HealthStatus.Healthy => 1,
                HealthStatus.Degraded => 0.5,
                _ => 0,
            };
        }

        return Task.CompletedTask;
    }

    public IEnumerable<Measurement<double>> Measurements() =>
        _components.Select(c => new Measurement<double>(c.Value, new KeyValuePair<string, object?>("component", c.Key)));
}
