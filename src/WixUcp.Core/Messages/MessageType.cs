namespace WixUcp.Messages;

/// <summary>The kind of a message attached to a checkout or response.</summary>
public enum MessageType
{
    /// <summary>A problem that keeps the checkout from completing; carries a <see cref="MessageSeverity"/>.</summary>
    Error,

    /// <summary>Something the buyer should know that does not block completion, for example a rejected discount code.</summary>
    Warning,

    /// <summary>Informational notice, for example a free-shipping promotion.</summary>
    Info,
}
