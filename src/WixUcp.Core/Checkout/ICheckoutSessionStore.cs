namespace WixUcp.Checkout;

/// <summary>Where checkout sessions are kept. Writes are optimistic: a stale version loses.</summary>
public interface ICheckoutSessionStore
{
    ValueTask<CheckoutSession?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Adds a new session; false when the id is taken.</summary>
    ValueTask<bool> TryCreateAsync(CheckoutSession session, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the stored session if its version is still <paramref name="expectedVersion"/>; false when another
    /// writer got there first. The caller has already set <c>session.Version</c> to the next version.
    /// </summary>
    ValueTask<bool> TryUpdateAsync(CheckoutSession session, long expectedVersion, CancellationToken cancellationToken);
}
