namespace WixUcp;

/// <summary>
/// Bounds every request document must keep before any operation reads it; a request past one gets 400
/// <c>request_too_large</c> (or <c>invalid_request</c>) naming the member. The body size itself is
/// <see cref="WixUcpOptions.MaxRequestBytes"/> (413).
/// </summary>
public sealed class RequestLimitOptions
{
    /// <summary>Deepest nesting of objects and arrays.</summary>
    public int MaxDepth { get; set; } = 16;

    /// <summary>Longest string value, in characters.</summary>
    public int MaxStringLength { get; set; } = 1024;

    /// <summary>Most items in one array.</summary>
    public int MaxArrayLength { get; set; } = 100;

    /// <summary>Most members in one object.</summary>
    public int MaxObjectMembers { get; set; } = 64;
}
