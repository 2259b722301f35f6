using System.Collections.Concurrent;

namespace WixUcp.Webhooks;

/// <summary>Webhook registrations in process memory: for the embedded default and tests.</summary>
internal sealed class InMemoryWebhookRegistrationStore : IWebhookRegistrationStore
{
    private readonly ConcurrentDictionary<string, WebhookRegistration> _registrations = new(StringComparer.Ordinal);

    public ValueTask<bool> TryAddAsync(WebhookRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return ValueTask.FromResult(_registrations.TryAdd(registration.Id, registration));
    }

    public ValueTask<WebhookRegistration?> GetAsync(string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_registrations.TryGetValue(id, out var registration) ? registration : null);

    public ValueTask<IReadOnlyList<WebhookRegistration>> ListAsync(string instanceId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<WebhookRegistration>>(
            _registrations.Values.Where(r => r.InstanceId == instanceId).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList());

    public ValueTask<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_registrations.TryRemove(id, out _));
}
