namespace WixUcp.Messages;

public enum MessageType
{
    Error,
    Warning,
    Info,
}
