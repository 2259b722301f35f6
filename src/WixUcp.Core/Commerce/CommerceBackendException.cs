namespace WixUcp.Commerce;

/// <summary>The commerce backend could not answer (remote failure, timeout). Mapped to 503 by the HTTP binding.</summary>
public sealed class CommerceBackendException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public CommerceBackendException()
    {
    }

    /// <summary>Creates the exception with a message for logs (it is not shown to buyers).</summary>
    /// <param name="message">What failed.</param>
    public CommerceBackendException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception for a failure caused by another exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The underlying failure, for example an HTTP or timeout error.</param>
    public CommerceBackendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
