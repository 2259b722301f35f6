namespace WixUcp.Messages;

/// <summary>A message attached to a resource or an error outcome.</summary>
public sealed record UcpMessage
{
    /// <summary>Error, warning or info.</summary>
    public required MessageType Type { get; init; }

    /// <summary>A code from the UCP vocabularies (open strings).</summary>
    public string? Code { get; init; }

    /// <summary>Human-readable text.</summary>
    public required string Content { get; init; }

    /// <summary>The member the message is about; the codec renders it as a JSONPath.</summary>
    public MessageTarget? Target { get; init; }

    /// <summary>How an error can be resolved; errors only.</summary>
    public MessageSeverity? Severity { get; init; }

    /// <summary>True for errors.</summary>
    public bool IsError => Type == MessageType.Error;

    /// <summary>True for errors that hand the buyer to the business UI.</summary>
    public bool RequiresEscalation =>
        Type == MessageType.Error && Severity is MessageSeverity.RequiresBuyerInput or MessageSeverity.RequiresBuyerReview;

    /// <summary>An error message.</summary>
    /// <param name="code">The UCP error code.</param>
    /// <param name="content">Human-readable text.</param>
    /// <param name="severity">How it can be resolved.</param>
    /// <param name="target">The member it is about.</param>
    /// <returns>The message.</returns>
    public static UcpMessage Error(string code, string content, MessageSeverity severity, MessageTarget? target = null) =>
        new() { Type = MessageType.Error, Code = code, Content = content, Target = target, Severity = severity };

    /// <summary>A warning message.</summary>
    /// <param name="code">The UCP warning code.</param>
    /// <param name="content">Human-readable text.</param>
    /// <param name="target">The member it is about.</param>
    /// <returns>The message.</returns>
    public static UcpMessage Warning(string code, string content, MessageTarget? target = null) =>
        new() { Type = MessageType.Warning, Code = code, Content = content, Target = target };

    /// <summary>An informational message.</summary>
    /// <param name="code">An optional code.</param>
    /// <param name="content">Human-readable text.</param>
    /// <param name="target">The member it is about.</param>
    /// <returns>The message.</returns>
    public static UcpMessage Info(string? code, string content, MessageTarget? target = null) =>
        new() { Type = MessageType.Info, Code = code, Content = content, Target = target };
}
