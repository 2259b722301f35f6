namespace WixUcp.FakeWix;

/// <summary>What an injected fault does to a matching request.</summary>
public enum FakeWixFaultKind
{
    /// <summary>Answer <see cref="FakeWixFault.Status"/> with a Wix error body.</summary>
    Status,

    /// <summary>Never answer: hang until the client gives up (or the server stops).</summary>
    Timeout,

    /// <summary>Answer 429 with <c>Retry-After</c>.</summary>
    RateLimit,

    /// <summary>Expire every token issued so far, then handle the request normally (so it gets 401 EXPIRED_TOKEN).</summary>
    ExpireTokens,
}

/// <summary>A fault for the next <see cref="Count"/> requests whose path starts with <see cref="PathPrefix"/>.</summary>
public sealed class FakeWixFault
{
    private int _remaining = -1;

    /// <summary>Path prefix, e.g. <c>/ecom/v1/checkouts</c> (ordinal); <c>/</c> matches everything but <c>/_fake</c>.</summary>
    public string PathPrefix { get; set; } = "/";

    /// <summary>HTTP method to match, or null for any.</summary>
    public string? Method { get; set; }

    /// <summary>What to do.</summary>
    public FakeWixFaultKind Kind { get; set; } = FakeWixFaultKind.Status;

    /// <summary>Status for <see cref="FakeWixFaultKind.Status"/>.</summary>
    public int Status { get; set; } = 500;

    /// <summary>Retry-After seconds for <see cref="FakeWixFaultKind.RateLimit"/>.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>How many matching requests it applies to.</summary>
    public int Count { get; set; } = 1;

    /// <summary>How many matching requests it still applies to.</summary>
    public int Remaining => _remaining < 0 ? Count : _remaining;

    internal bool Matches(string method, string path) =>
        path.StartsWith(PathPrefix, StringComparison.Ordinal)
        && (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase));

    /// <summary>Uses one application; false once exhausted. Called under the state lock.</summary>
    internal bool TryConsume()
    {
        if (_remaining < 0)
        {
            _remaining = Count;
        }

        if (_remaining <= 0)
        {
            return false;
        }

        _remaining--;
        return true;
    }
}
