namespace WixUcp.Idempotency;

/// <summary>A response kept for replay: replays return the same status and byte-identical body.</summary>
public sealed record IdempotentResponse(int StatusCode, string ContentType, ReadOnlyMemory<byte> Body);
