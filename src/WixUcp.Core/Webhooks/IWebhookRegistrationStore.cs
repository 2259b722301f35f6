namespace WixUcp.Webhooks;

/// <summary>Where webhook registrations are kept (PostgreSQL <c>webhook_registrations</c>, or memory).</summary>
public interface IWebhookRegistrationStore
{
    /// <summary>Adds a registration.</summary>
    /// <param name="registration">The registration.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>False when the id is taken.</returns>
    ValueTask<bool> TryAddAsync(WebhookRegistration registration, CancellationToken cancellationToken);

    /// <summary>Reads one registration.</summary>
    /// <param name="id">The registration id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The registration, or null.</returns>
    ValueTask<WebhookRegistration?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The registrations of one store.</summary>
    /// <param name="instanceId">The app instance id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Its registrations, oldest first.</returns>
    ValueTask<IReadOnlyList<WebhookRegistration>> ListAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Removes a registration.</summary>
    /// <param name="id">The registration id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>False when there was none.</returns>
    ValueTask<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}
