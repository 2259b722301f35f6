namespace WixUcp.Storage;

/// <summary>
/// A store (Redis, PostgreSQL) could not be reached or did not answer in time. Stores throw it instead of their client's
/// exceptions; the operation layer answers 503 <c>backend_unavailable</c> with <c>Retry-After</c>, and nothing changed.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public StoreUnavailableException()
        : base("A store is unavailable.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which store and what failed (logged, never sent to clients).</param>
    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">Which store and what failed (logged, never sent to clients).</param>
    /// <param name="innerException">The client library's exception.</param>
    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Which store failed (<c>redis</c>, <c>postgres</c>, <c>memory</c>): a metric tag, so a dashboard can tell them apart.</summary>
    public string? Store { get; init; }
}
