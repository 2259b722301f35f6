using WixUcp.Messages;
using WixUcp.Protocol;
using WixUcp.Versions.V20260408;

namespace WixUcp.Core.Tests.TestSupport;

/// <summary>
/// The domain names message targets by meaning; tests state them as the 2026-04-08 JSONPaths a platform would see,
/// rendered by that version's codec.
/// </summary>
internal static class MessagePaths
{
    extension(UcpMessage message)
    {
        public string? Path => JsonPaths20260408.Render(message.Target);
    }

    extension(UcpRequestException exception)
    {
        public string? Path => exception.WirePath ?? JsonPaths20260408.Render(exception.Target);
    }
}
