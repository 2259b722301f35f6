namespace WixUcp.Installations;

/// <summary>Where app installations are kept (PostgreSQL <c>app_instances</c>, or memory in the embedded default).</summary>
public interface IAppInstanceStore
{
    /// <summary>Reads an installation.</summary>
    /// <param name="instanceId">The app instance id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The installation, or null.</returns>
    ValueTask<AppInstance?> GetAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Adds or replaces an installation.</summary>
    /// <param name="instance">The installation.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    ValueTask UpsertAsync(AppInstance instance, CancellationToken cancellationToken);

    /// <summary>Removes an installation (the app was uninstalled).</summary>
    /// <param name="instanceId">The app instance id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>False when there was none.</returns>
    ValueTask<bool> DeleteAsync(string instanceId, CancellationToken cancellationToken);
}
