namespace WixUcp.AspNetCore.Http;

/// <summary>A request body is larger than <c>WixUcp:MaxRequestBytes</c>; answered with 413 <c>request_too_large</c>.</summary>
public sealed class RequestTooLargeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RequestTooLargeException()
        : base("The request body is too large.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public RequestTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RequestTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static RequestTooLargeException Over(int limit) => new($"The request body is larger than {limit} bytes.");
}
