using WixUcp.Operations;

namespace WixUcp.Idempotency;

/// <summary>A response kept for replay: replays return the same status and byte-identical body.</summary>
public sealed record IdempotentResponse
{
    /// <summary>The HTTP-equivalent status of the first answer.</summary>
    public required int StatusCode { get; init; }

    /// <summary>The media type of <see cref="Body"/>.</summary>
    public required string ContentType { get; init; }

    /// <summary>The exact bytes of the first answer.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The kind of the first answer, so transports frame a replay as they framed the original.</summary>
    public UcpOutcomeKind? Kind { get; init; }
}
