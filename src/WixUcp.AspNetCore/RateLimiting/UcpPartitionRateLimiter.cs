using System.Diagnostics;
using System.Threading.RateLimiting;
using WixUcp.RateLimiting;

namespace WixUcp.AspNetCore.RateLimiting;

/// <summary>
/// The framework's limiter for one client's budget, deciding through <see cref="RateLimitGate"/> (so the count is the
/// <see cref="IRateLimiter"/>'s, shared by replicas with Redis). Idle partitions are let go by the framework.
/// </summary>
internal sealed class UcpPartitionRateLimiter(RateLimitGate gate, UcpRateLimitPartition partition) : RateLimiter
{
    private long _lastUsed = Stopwatch.GetTimestamp();

    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => UcpRateLimitLease.Undecided;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        var decision = await gate.DecideAsync(partition.Policy, partition.Client, cancellationToken).ConfigureAwait(false);
        UcpRateLimitFeature.Pending.Value?.Decision = decision;
        return new UcpRateLimitLease(decision);
    }
}
