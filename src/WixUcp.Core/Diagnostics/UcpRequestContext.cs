using System.Collections;

namespace WixUcp.Diagnostics;

/// <summary>
/// Who and what the request being served is about: its id, the store tenant and the authenticated platform. It flows
/// with the request across awaits, so outgoing calls forward the id and every log line carries all three: it is itself
/// a logging scope (a list of <c>requestId</c>, <c>instanceId</c>, <c>platformId</c>), filled in as the request learns
/// them. Transports begin it; the operation layer and authentication fill it in.
/// </summary>
public sealed class UcpRequestContext : IReadOnlyList<KeyValuePair<string, object?>>
{
    /// <summary>The request id header this server reads, echoes and forwards.</summary>
    public const string RequestIdHeader = "X-Request-ID";

    /// <summary>UCP's name for the same header, read when <see cref="RequestIdHeader"/> is absent.</summary>
    public const string UcpRequestIdHeader = "Request-Id";

    /// <summary>The longest request id accepted from a client.</summary>
    public const int MaxRequestIdLength = 128;

    private static readonly AsyncLocal<UcpRequestContext?> Ambient = new();

    private UcpRequestContext(string requestId) => RequestId = requestId;

    /// <summary>The request being served on this flow, or null outside one.</summary>
    public static UcpRequestContext? Current => Ambient.Value;

    /// <summary>The request id: the client's when well formed, else one generated here.</summary>
    public string RequestId { get; }

    /// <summary>The store tenant (Wix instance id) the request is for, once resolved.</summary>
    public string? InstanceId { get; set; }

    /// <summary>The authenticated platform, once known.</summary>
    public string? PlatformId { get; set; }

    /// <summary>
    /// The client's address: the connection's, or the one trusted proxies forwarded. Not a log field (it is personal
    /// data); budgets of unauthenticated clients are counted by it.
    /// </summary>
    public string? ClientAddress { get; set; }

    /// <inheritdoc />
    public int Count => 3;

    /// <inheritdoc />
    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("requestId", RequestId),
        1 => new("instanceId", InstanceId),
        2 => new("platformId", PlatformId),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>
    /// Starts the context of a request on this flow; disposing the result restores the previous one.
    /// </summary>
    /// <param name="requestId">The id the client sent, if any; refused (replaced) unless <see cref="IsWellFormed"/>.</param>
    /// <param name="context">The new context.</param>
    /// <returns>Restores the previous context when disposed.</returns>
    public static IDisposable Begin(string? requestId, out UcpRequestContext context)
    {
        var previous = Ambient.Value;
        context = new UcpRequestContext(IsWellFormed(requestId) ? requestId! : NewRequestId());
        Ambient.Value = context;
        return new Restore(previous);
    }

    /// <summary>
    /// Whether a client's request id may be used as sent: 1 to <see cref="MaxRequestIdLength"/> characters of letters,
    /// digits and <c>-._:</c>, so it is safe in headers, logs and URLs.
    /// </summary>
    /// <param name="requestId">The value sent.</param>
    /// <returns>True when it may be used.</returns>
    public static bool IsWellFormed(string? requestId) =>
        requestId is { Length: > 0 and <= MaxRequestIdLength } && requestId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or ':');

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => $"requestId={RequestId} instanceId={InstanceId} platformId={PlatformId}";

    // A correlation id, not a secret: 128 bits from the shared non-cryptographic generator (seeded unpredictably) are
    // unique in practice and cost nanoseconds where the cryptographic source costs a system call on every request.
    private static string NewRequestId()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    private sealed class Restore(UcpRequestContext? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
