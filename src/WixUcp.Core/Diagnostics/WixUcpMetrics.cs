using System.Diagnostics.Metrics;

namespace WixUcp.Diagnostics;

/// <summary>The WixUcp meter (<c>System.Diagnostics.Metrics</c>); exporters such as OpenTelemetry subscribe to <see cref="MeterName"/>.</summary>
internal sealed class WixUcpMetrics
{
    public const string MeterName = "WixUcp";
    public const string ToleranceTag = "wixucp.tolerance";

    private readonly Counter<long> _tolerances;

    public WixUcpMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _tolerances = meter.CreateCounter<long>(
            "wixucp.negotiation.tolerances",
            unit: "{tolerance}",
            description: "Deviations from the UCP specification accepted in Tolerant negotiation mode, per request, by kind.");
    }

    public void ToleranceApplied(string kind) => _tolerances.Add(1, new KeyValuePair<string, object?>(ToleranceTag, kind));
}
