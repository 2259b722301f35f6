using System.Diagnostics;

namespace WixUcp.Diagnostics;

/// <summary>The library's activity source: one activity per UCP operation and per outgoing call it makes.</summary>
internal static class WixUcpActivities
{
    public static readonly ActivitySource Source = new(WixUcpDiagnostics.ActivitySourceName);

    /// <summary>Times a call to an external dependency: its duration and outcome in metrics, an activity in traces.</summary>
    public static async ValueTask<T> MeasureAsync<T>(WixUcpMetrics metrics, string operation, Func<ValueTask<T>> call)
    {
        using var activity = Source.StartActivity("backend " + operation, ActivityKind.Client);
        activity?.SetTag("wixucp.backend.operation", operation);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call().ConfigureAwait(false);
            metrics.BackendCalled(operation, "success", Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch (Exception ex)
        {
            var outcome = ex is OperationCanceledException ? "canceled" : "error";
            metrics.BackendCalled(operation, outcome, Stopwatch.GetElapsedTime(started));
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }
}
