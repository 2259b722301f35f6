namespace WixUcp.Negotiation;

/// <summary>
/// Negotiation failed before the operation could run: <c>invalid_profile_url</c> (400), <c>profile_unreachable</c> (424),
/// <c>profile_malformed</c> (422) or <c>version_unsupported</c> (422).
/// </summary>
public sealed class NegotiationException : Exception
{
    public NegotiationException()
    {
    }

    public NegotiationException(string message)
        : base(message)
    {
    }

    public NegotiationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NegotiationException(string code, int statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        StatusCode = statusCode;
    }

    public string Code { get; } = "invalid_profile_url";

    public int StatusCode { get; } = 400;

    internal static NegotiationException InvalidProfileUrl(string message) => new("invalid_profile_url", 400, message);

    internal static NegotiationException Unreachable(string message, Exception? inner = null) => new("profile_unreachable", 424, message, inner);

    internal static NegotiationException Malformed(string message, Exception? inner = null) => new("profile_malformed", 422, message, inner);

    internal static NegotiationException VersionUnsupported(string message) => new("version_unsupported", 422, message);
}
