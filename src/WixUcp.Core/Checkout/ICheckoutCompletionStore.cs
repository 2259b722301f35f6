namespace WixUcp.Checkout;

/// <summary>
/// Commits a completed checkout: the session and its order (and, with webhooks, the order event) are written together
/// or not at all, as one PostgreSQL transaction or one Redis script would. Replaces three independent writes whose
/// partial failure would leave an order without a completed checkout or the reverse.
/// </summary>
public interface ICheckoutCompletionStore
{
    /// <summary>Writes the completion if the session still has <see cref="CheckoutCompletion.ExpectedVersion"/>.</summary>
    /// <param name="completion">The session, its expected version and the order.</param>
    /// <param name="cancellationToken">Cancels the commit.</param>
    /// <returns>False when the session changed meanwhile; then nothing was written.</returns>
    ValueTask<bool> TryCommitAsync(CheckoutCompletion completion, CancellationToken cancellationToken);
}
