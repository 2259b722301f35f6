using System.Threading.RateLimiting;
using WixUcp.RateLimiting;

namespace WixUcp.AspNetCore.RateLimiting;

/// <summary>A lease that carries the decision as metadata (and <c>RETRY_AFTER</c> for a refusal).</summary>
internal sealed class UcpRateLimitLease(RateLimitDecision? decision) : RateLimitLease
{
    public const string DecisionMetadata = "WixUcp.RateLimitDecision";

    // The framework first tries to acquire synchronously; the decision (a store round trip) is made by AcquireAsync.
    public static readonly UcpRateLimitLease Undecided = new(null);

    public override bool IsAcquired => decision?.IsAllowed == true;

    public override IEnumerable<string> MetadataNames => decision is { } d
        ? d.IsAllowed ? [DecisionMetadata] : [DecisionMetadata, MetadataName.RetryAfter.Name]
        : [];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = (metadataName, decision) switch
        {
            (DecisionMetadata, { } d) => d,
            (_, { IsAllowed: false } d) when metadataName == MetadataName.RetryAfter.Name => d.RetryAfter,
            _ => null,
        };
        return metadata is not null;
    }
}
