using WixUcp.Storage;

namespace WixUcp.Webhooks;

/// <summary>The outbox of the embedded default: this process's memory, capped; delivered entries are dropped at once.</summary>
internal sealed class InMemoryWebhookOutbox(Microsoft.Extensions.Options.IOptions<WixUcpOptions> options) : IWebhookOutbox
{
    private readonly Dictionary<string, (WebhookDelivery Delivery, DateTimeOffset LeasedUntil)> _entries = new(StringComparer.Ordinal);

    public ValueTask EnqueueAsync(IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        lock (_entries)
        {
            if (_entries.Count + deliveries.Count > options.Value.Webhooks.MaxStoredDeliveries)
            {
                throw new StoreUnavailableException(
                    $"The in-memory webhook outbox holds its maximum of {options.Value.Webhooks.MaxStoredDeliveries} deliveries (WixUcp:Webhooks:MaxStoredDeliveries).") { Store = "memory" };
            }

            foreach (var delivery in deliveries)
            {
                _entries.TryAdd(delivery.Id, (delivery, DateTimeOffset.MinValue));
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
            foreach (var delivery in due)
            {
                _entries[delivery.Id] = (delivery, now + lease);
            }

            return ValueTask.FromResult<IReadOnlyList<WebhookDelivery>>(due);
        }
    }

    public ValueTask UpdateAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        lock (_entries)
        {
            if (delivery.Status == WebhookDeliveryStatus.Delivered)
            {
                _entries.Remove(delivery.Id);
            }
            else if (_entries.ContainsKey(delivery.Id))
            {
                _entries[delivery.Id] = (delivery, DateTimeOffset.MinValue);
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
}
