using WixUcp.Messages;
using WixUcp.Protocol;
using WixUcp.Versions.Shared;

namespace WixUcp.Core.Tests.TestSupport;

/// <summary>
/// The domain names message targets by meaning; tests state them as the 2026-04-08 JSONPaths a platform would see,
/// rendered as that version's codec renders them.
/// </summary>
internal static class MessagePaths
{
    extension(UcpMessage message)
    {
        public string? Path => WixUcp.Versions.Shared.MessagePaths.Render(message.Target);
    }

    extension(UcpRequestException exception)
    {
        public string? Path => exception.WirePath ?? WixUcp.Versions.Shared.MessagePaths.Render(exception.Target);
    }
}
