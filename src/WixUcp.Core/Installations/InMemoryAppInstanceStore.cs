using System.Collections.Concurrent;

namespace WixUcp.Installations;

/// <summary>App installations in process memory: for the embedded default and tests.</summary>
internal sealed class InMemoryAppInstanceStore : IAppInstanceStore
{
    private readonly ConcurrentDictionary<string, AppInstance> _instances = new(StringComparer.Ordinal);

    public ValueTask<AppInstance?> GetAsync(string instanceId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_instances.TryGetValue(instanceId, out var instance) ? instance : null);

    public ValueTask UpsertAsync(AppInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        _instances[instance.InstanceId] = instance;
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> DeleteAsync(string instanceId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_instances.TryRemove(instanceId, out _));
}
