using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WixUcp.Health;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds readiness checks of WixUcp dependencies to the framework's health checks.</summary>
public static class UcpHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds <typeparamref name="T"/> as a readiness check (tagged <see cref="UcpHealthTags.Ready"/>) named
    /// <paramref name="name"/>, once: registering the same name again changes nothing, so packages may add their checks
    /// from builder extensions that can run more than once.
    /// </summary>
    /// <typeparam name="T">The check, created from the container.</typeparam>
    /// <param name="builder">The health checks builder (<c>services.AddHealthChecks()</c>).</param>
    /// <param name="name">The component name shown by <c>/health/status</c>.</param>
    /// <returns>The same builder.</returns>
    public static IHealthChecksBuilder AddUcpReadinessCheck<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>(this IHealthChecksBuilder builder, string name)
        where T : class, IHealthCheck
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        builder.Services.Configure<HealthCheckServiceOptions>(options =>
        {
            if (options.Registrations.All(r => r.Name != name))
            {
                options.Registrations.Add(new HealthCheckRegistration(
                    name, services => ActivatorUtilities.GetServiceOrCreateInstance<T>(services), failureStatus: HealthStatus.Unhealthy, tags: [UcpHealthTags.Ready]));
            }
        });
        return builder;
    }
}
