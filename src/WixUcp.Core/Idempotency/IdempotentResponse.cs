using WixUcp.Operations;

namespace WixUcp.Idempotency;

/// <summary>A response kept for replay: replays return the same status and byte-identical body.</summary>
/// <param name="StatusCode">The HTTP-equivalent status of the first answer.</param>
/// <param name="ContentType">The media type of <paramref name="Body"/>.</param>
/// <param name="Body">The exact bytes of the first answer.</param>
public sealed record IdempotentResponse(int StatusCode, string ContentType, ReadOnlyMemory<byte> Body)
{
    /// <summary>The kind of the first answer, so transports frame a replay as they framed the original.</summary>
    public UcpOutcomeKind? Kind { get; init; }
}
