using Microsoft.Extensions.Diagnostics.HealthChecks;
using WixUcp.Commerce;
using WixUcp.Tenancy;

namespace WixUcp.Health;

/// <summary>The commerce backend answers: the default tenant's payment handlers can be read within the check's time.</summary>
internal sealed class CommerceBackendHealthCheck(ICheckoutBackend backend) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await backend.GetPaymentHandlersAsync(UcpTenant.Default, timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The commerce backend answered.");
        }
        catch (Exception ex) when (ex is CommerceBackendException or OperationCanceledException or HttpRequestException)
        {
            // The exception's text may name hosts; the status page says only what failed.
            return HealthCheckResult.Unhealthy("The commerce backend did not answer.");
        }
    }
}
