using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using WixUcp.AspNetCore.Health;
using WixUcp.Health;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the health endpoints over the framework's health checks.</summary>
public static class UcpHealthEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>{prefix}/live</c> (the process runs: no check), <c>{prefix}/ready</c> (every check tagged
    /// <see cref="UcpHealthTags.Ready"/>: stores, signing keys, commerce backend, not shutting down; 503 otherwise) and
    /// <c>{prefix}/status</c> (every check, as JSON: state and check time per component, no secrets).
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="prefix">The path the three endpoints share.</param>
    /// <returns>The group, for conventions such as <c>RequireHost</c>.</returns>
    public static RouteGroupBuilder MapUcpHealthChecks(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string prefix = "/health")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(prefix);
        group.MapHealthChecks("/live", new HealthCheckOptions { Predicate = _ => false });
        group.MapHealthChecks("/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(UcpHealthTags.Ready) });
        group.MapHealthChecks("/status", new HealthCheckOptions { ResponseWriter = UcpHealthStatusWriter.WriteAsync });
        return group;
    }
}
