namespace WixUcp.Protocol;

/// <summary>
/// A request the server cannot accept as sent: malformed JSON, a wrong type, a missing required member, an empty
/// search or too many ids. The HTTP binding answers 400 with <see cref="Code"/> and the message.
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

    public UcpRequestException(string message, string? path, string code = "invalid_request", Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
        Code = code;
    }

    /// <summary>A UCP error code: <c>invalid_request</c> or <c>request_too_large</c>.</summary>
    public string Code { get; } = "invalid_request";

    /// <summary>JSONPath of the offending member, when known.</summary>
    public string? Path { get; }
}
