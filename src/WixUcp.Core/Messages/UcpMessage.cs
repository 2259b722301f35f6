namespace WixUcp.Messages;

/// <summary>A message attached to a resource or an error outcome.</summary>
/// <param name="Type">Error, warning or info.</param>
/// <param name="Code">A code from the UCP vocabularies (open strings).</param>
/// <param name="Content">Human-readable text.</param>
/// <param name="Path">RFC 9535 JSONPath into the resource, e.g. <c>$.buyer.email</c>.</param>
/// <param name="Severity">Errors only.</param>
public sealed record UcpMessage(MessageType Type, string? Code, string Content, string? Path = null, MessageSeverity? Severity = null)
{
    public static UcpMessage Error(string code, string content, MessageSeverity severity, string? path = null) =>
        new(MessageType.Error, code, content, path, severity);

    public static UcpMessage Warning(string code, string content, string? path = null) =>
        new(MessageType.Warning, code, content, path);

    public static UcpMessage Info(string? code, string content, string? path = null) =>
        new(MessageType.Info, code, content, path);

    public bool IsError => Type == MessageType.Error;

    /// <summary>True for errors that hand the buyer to the business UI.</summary>
    public bool RequiresEscalation =>
        Type == MessageType.Error && Severity is MessageSeverity.RequiresBuyerInput or MessageSeverity.RequiresBuyerReview;
}
