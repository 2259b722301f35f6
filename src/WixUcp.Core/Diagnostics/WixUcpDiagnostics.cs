namespace WixUcp.Diagnostics;

/// <summary>
/// The names telemetry subscribers use: the meter of <c>System.Diagnostics.Metrics</c> instruments and the
/// <c>ActivitySource</c> of traces. The library emits through them and references no exporter.
/// </summary>
public static class WixUcpDiagnostics
{
    /// <summary>The meter name (for example <c>AddMeter(WixUcpDiagnostics.MeterName)</c> in OpenTelemetry).</summary>
    public const string MeterName = "WixUcp";

    /// <summary>The activity source name (for example <c>AddSource(WixUcpDiagnostics.ActivitySourceName)</c>).</summary>
    public const string ActivitySourceName = "WixUcp";
}
