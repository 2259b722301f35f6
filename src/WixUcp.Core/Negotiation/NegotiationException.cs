namespace WixUcp.Negotiation;

/// <summary>
/// Negotiation failed before the operation could run: <c>invalid_profile_url</c> (400), <c>profile_unreachable</c> (424),
/// <c>profile_malformed</c> (422) or <c>version_unsupported</c> (422).
/// </summary>
public sealed class NegotiationException : Exception
{
    /// <summary>Creates an <c>invalid_profile_url</c> failure with a default message.</summary>
    public NegotiationException()
    {
    }

    /// <summary>Creates an <c>invalid_profile_url</c> failure.</summary>
    /// <param name="message">What is wrong, for the platform.</param>
    public NegotiationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an <c>invalid_profile_url</c> failure with a cause.</summary>
    /// <param name="message">What is wrong, for the platform.</param>
    /// <param name="innerException">The cause (logged, never sent).</param>
    public NegotiationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates a failure with its UCP code and HTTP status.</summary>
    /// <param name="code">The UCP error code.</param>
    /// <param name="statusCode">The HTTP status to answer with.</param>
    /// <param name="message">What is wrong, for the platform.</param>
    /// <param name="innerException">The cause (logged, never sent).</param>
    public NegotiationException(string code, int statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        StatusCode = statusCode;
    }

    /// <summary>The UCP error code.</summary>
    public string Code { get; } = "invalid_profile_url";

    /// <summary>The HTTP status the failure is answered with.</summary>
    public int StatusCode { get; } = 400;

    /// <summary>When a retry may succeed, for refusals that are temporary (429, 503).</summary>
    public TimeSpan? RetryAfter { get; init; }

    internal static NegotiationException InvalidProfileUrl(string message) => new("invalid_profile_url", 400, message);

    internal static NegotiationException Unreachable(string message, Exception? inner = null) => new("profile_unreachable", 424, message, inner);

    internal static NegotiationException Malformed(string message, Exception? inner = null) => new("profile_malformed", 422, message, inner);

    internal static NegotiationException VersionUnsupported(string message, int statusCode = 422) => new("version_unsupported", statusCode, message);
}
