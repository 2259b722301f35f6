using WixUcp.Messages;

namespace WixUcp.Protocol;

/// <summary>
/// A request the server cannot accept as sent: malformed JSON, a wrong type, a missing required member, an empty
/// search or too many ids. The operation layer answers 400 (415 for media types) with <see cref="Code"/> and the message.
/// Codecs name the member by wire path; the domain names it by <see cref="Target"/>, which the codec renders.
/// </summary>
internal sealed class UcpRequestException : Exception
{
    public UcpRequestException()
    {
    }

    public UcpRequestException(string message)
        : base(message)
    {
    }

    public UcpRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UcpRequestException(string message, string? wirePath, string code = "invalid_request", Exception? innerException = null, int statusCode = 400)
        : base(message, innerException)
    {
        WirePath = wirePath;
        Code = code;
        StatusCode = statusCode;
    }

    public UcpRequestException(string message, MessageTarget target, string code = "invalid_request")
        : base(message)
    {
        Target = target;
        Code = code;
    }

    /// <summary>A UCP error code: <c>invalid_request</c> or <c>request_too_large</c>.</summary>
    public string Code { get; } = "invalid_request";

    /// <summary>The HTTP status: 400, or 422 for a well-formed document whose content cannot be applied.</summary>
    public int StatusCode { get; } = 400;

    /// <summary>JSONPath of the offending member, when a codec named it.</summary>
    public string? WirePath { get; }

    /// <summary>The offending member, when the domain named it.</summary>
    public MessageTarget? Target { get; }
}
