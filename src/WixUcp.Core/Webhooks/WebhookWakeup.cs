namespace WixUcp.Webhooks;

/// <summary>
/// Wakes this process's dispatcher when this process has just committed deliveries, so they leave at once instead of
/// at the next poll; deliveries committed by other replicas are found by polling.
/// </summary>
internal sealed class WebhookWakeup : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers every delivery committed since.
        }
    }

    /// <summary>Waits for a wake-up or the poll interval, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken) => _signal.WaitAsync(pollInterval, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
