namespace WixUcp.Authentication;

/// <summary>What an RFC 9421 request signature covers, as the transport received it.</summary>
public sealed record SignedHttpRequest
{
    /// <summary>The method, for example <c>POST</c>.</summary>
    public required string Method { get; init; }

    /// <summary>The authority the client addressed (the <c>Host</c> header), lower case.</summary>
    public required string Authority { get; init; }

    /// <summary>The path as sent, without the query.</summary>
    public required string Path { get; init; }

    /// <summary>Reads a header field by name (case-insensitive), combined as a list when repeated; null when absent.</summary>
    public required Func<string, string?> Header { get; init; }

    /// <summary>The exact body bytes, already bounded by the transport.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }
}
