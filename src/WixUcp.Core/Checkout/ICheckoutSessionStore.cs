namespace WixUcp.Checkout;

/// <summary>Where checkout sessions are kept, keyed by tenant and id. Writes are optimistic: a stale version loses.</summary>
public interface ICheckoutSessionStore
{
    /// <summary>Reads a session.</summary>
    /// <param name="tenantId">The store the session belongs to.</param>
    /// <param name="id">The checkout id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The session, or null when the tenant has none with that id.</returns>
    ValueTask<CheckoutSession?> GetAsync(string tenantId, string id, CancellationToken cancellationToken);

    /// <summary>Adds a new session (under its <see cref="CheckoutSession.TenantId"/>).</summary>
    /// <param name="session">The session, at version 1.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>False when the id is taken.</returns>
    ValueTask<bool> TryCreateAsync(CheckoutSession session, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the stored session if its version is still <paramref name="expectedVersion"/>; false when another
    /// writer got there first. The caller has already set <c>session.Version</c> to the next version.
    /// </summary>
    /// <param name="session">The next state.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>True when the session was replaced.</returns>
    ValueTask<bool> TryUpdateAsync(CheckoutSession session, long expectedVersion, CancellationToken cancellationToken);
}
