using Microsoft.Extensions.Logging;

namespace WixUcp.Webhooks;

/// <summary>
/// The outbox of the embedded default: this process's memory, capped; delivered entries are dropped at once. At the cap
/// the oldest dead letters make room first. Deliveries are enqueued after the change they announce is committed (a
/// placed order, a refund), so a full outbox never fails that change: what does not fit is dropped with an error log.
/// </summary>
internal sealed partial class InMemoryWebhookOutbox(Microsoft.Extensions.Options.IOptions<WixUcpOptions> options, ILogger<InMemoryWebhookOutbox>? logger = null, WixUcp.Diagnostics.WixUcpMetrics? metrics = null) : IWebhookOutbox
{
    private readonly Dictionary<string, (WebhookDelivery Delivery, DateTimeOffset LeasedUntil)> _entries = new(StringComparer.Ordinal);

    public ValueTask EnqueueAsync(IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var max = options.Value.Webhooks.MaxStoredDeliveries;
        lock (_entries)
        {
            var fresh = deliveries.Where(d => !_entries.ContainsKey(d.Id)).DistinctBy(d => d.Id).ToList();
            var excess = _entries.Count + fresh.Count - max;
            if (excess > 0)
            {
                foreach (var dead in _entries.Values.Select(e => e.Delivery).Where(d => d.Status == WebhookDeliveryStatus.DeadLettered)
                    .OrderBy(d => d.NextAttemptAt).Take(excess).ToList())
                {
                    _entries.Remove(dead.Id);
                }
            }

            var room = Math.Max(0, max - _entries.Count);
            foreach (var delivery in fresh.Take(room))
            {
                _entries.Add(delivery.Id, (delivery, DateTimeOffset.MinValue));
            }

            foreach (var dropped in fresh.Skip(room))
            {
                metrics?.WebhookDelivered("dropped", TimeSpan.Zero);
                if (logger is not null)
                {
                    LogDropped(logger, dropped.Id, dropped.OrderId, max);
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            var due = _entries.Values
                .Where(e => e.Delivery.Status == WebhookDeliveryStatus.Pending && e.Delivery.NextAttemptAt <= now && e.LeasedUntil <= now)
                .OrderBy(e => e.Delivery.NextAttemptAt)
                .Take(max)
                .Select(e => e.Delivery)
                .ToList();
            var claimed = due.Select(d => d with { LeasedUntil = now + lease }).ToList();
            foreach (var delivery in claimed)
            {
                _entries[delivery.Id] = (delivery, now + lease);
            }

            return ValueTask.FromResult<IReadOnlyList<WebhookDelivery>>(claimed);
        }
    }

    public ValueTask UpdateAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        lock (_entries)
        {
            if (delivery.LeasedUntil is { } lease && (!_entries.TryGetValue(delivery.Id, out var current) || current.LeasedUntil != lease))
            {
                return ValueTask.CompletedTask;   // a stale claim's outcome
            }

            if (delivery.Status == WebhookDeliveryStatus.Delivered)
            {
                _entries.Remove(delivery.Id);
            }
            else if (_entries.ContainsKey(delivery.Id))
            {
                _entries[delivery.Id] = (delivery with { LeasedUntil = null }, DateTimeOffset.MinValue);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<WebhookDelivery>> ListDeadLettersAsync(int max, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            return ValueTask.FromResult<IReadOnlyList<WebhookDelivery>>([.. _entries.Values
                .Select(e => e.Delivery)
                .Where(d => d.Status == WebhookDeliveryStatus.DeadLettered)
                .OrderByDescending(d => d.NextAttemptAt)
                .Take(max)]);
        }
    }

    public ValueTask<bool> ReplayAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            if (!_entries.TryGetValue(id, out var entry) || entry.Delivery.Status != WebhookDeliveryStatus.DeadLettered)
            {
                return ValueTask.FromResult(false);
            }

            _entries[id] = (entry.Delivery with { Status = WebhookDeliveryStatus.Pending, Attempts = 0, NextAttemptAt = now, LastError = null }, DateTimeOffset.MinValue);
            return ValueTask.FromResult(true);
        }
    }

    [LoggerMessage(EventId = 3006, Level = LogLevel.Error, Message = "Webhook {WebhookId} for order {OrderId} dropped: the in-memory outbox holds {Max} pending deliveries (WixUcp:Webhooks:MaxStoredDeliveries); use a durable outbox (DATABASE_URL) for this load")]
    private static partial void LogDropped(ILogger logger, string webhookId, string orderId, int max);
}
