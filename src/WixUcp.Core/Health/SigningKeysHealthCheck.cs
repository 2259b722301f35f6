using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WixUcp.Signatures;

namespace WixUcp.Health;

/// <summary>The business's signing key is loaded and its public keys are published.</summary>
internal sealed class SigningKeysHealthCheck(UcpSigningKeys keys) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(keys.PublishedKeys.Any(k => k.KeyId == keys.CurrentKeyId)
            ? HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"{keys.PublishedKeys.Count} published key(s)"))
            : HealthCheckResult.Unhealthy("The current signing key is not published."));
}
