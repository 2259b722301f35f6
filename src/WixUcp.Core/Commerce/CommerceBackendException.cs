namespace WixUcp.Commerce;

/// <summary>The commerce backend could not answer (remote failure, timeout). Mapped to 503 by the HTTP binding.</summary>
public sealed class CommerceBackendException : Exception
{
    public CommerceBackendException()
    {
    }

    public CommerceBackendException(string message)
        : base(message)
    {
    }

    public CommerceBackendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
