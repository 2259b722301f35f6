using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WixUcp;
using WixUcp.AspNetCore.Http;
using WixUcp.Operations;
using WixUcp.Orders;
using static WixUcp.AspNetCore.Routing.RestBinding;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the sandbox simulation endpoints that let platform developers drive an order through its life.</summary>
public static class UcpSimulationEndpointRouteBuilderExtensions
{
    /// <summary>The header every simulation call must carry, holding <c>WixUcp:Simulation:Secret</c>.</summary>
    public const string SecretHeader = "Simulation-Secret";

    /// <summary>
    /// When <c>WixUcp:Simulation:Secret</c> is set, maps <c>POST /testing/simulate-shipping/{order_id}</c>,
    /// <c>/testing/simulate-delivery/{order_id}</c>, <c>/testing/simulate-refund/{order_id}</c> and
    /// <c>PUT {prefix}/orders/{id}</c> (an order snapshot whose fulfillment events and adjustments replace the order's).
    /// Each records the change with its webhooks and answers the order; without the secret in <see cref="SecretHeader"/>,
    /// 403. Without the setting nothing is mapped.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="prefix">The path of the shopping service (default <c>/ucp</c>).</param>
    /// <returns>The route builder.</returns>
    public static IEndpointRouteBuilder MapUcpSimulation(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string prefix = "/ucp")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var secret = endpoints.ServiceProvider.GetRequiredService<IOptions<WixUcpOptions>>().Value.Simulation.Secret;
        if (string.IsNullOrEmpty(secret))
        {
            return endpoints;
        }

        var expected = Encoding.UTF8.GetBytes(secret);
        RouteHandlerBuilder Guarded(RouteHandlerBuilder endpoint) => endpoint
            .AddEndpointFilter<UcpErrorFilter>()
            .AddEndpointFilter(async (context, next) => Allowed(context.HttpContext, expected)
                ? await next(context).ConfigureAwait(false)
                : new UcpOutcomeResult(UcpOutcome.ProtocolError(StatusCodes.Status403Forbidden, "forbidden", $"Simulation calls need the simulation secret in {SecretHeader}.")))
            .ExcludeFromDescription();

        foreach (var (path, simulation) in new[] { ("shipping", OrderSimulation.Ship), ("delivery", OrderSimulation.Deliver), ("refund", OrderSimulation.Refund) })
        {
            Guarded(endpoints.MapPost($"/testing/simulate-{path}/{{order_id}}", (HttpContext http, string order_id) =>
                InvokeAsync(http, Body.None, (ops, call, ct) => ops.SimulateOrderAsync(call, order_id, simulation, ct), personal: true)));
        }

        Guarded(endpoints.MapPut("/" + prefix.Trim('/') + "/orders/{id}", (HttpContext http, string id) =>
            InvokeAsync(http, Body.Json, (ops, call, ct) => ops.UpdateOrderAsync(call, id, ct), personal: true)));
        return endpoints;
    }

    private static bool Allowed(HttpContext http, byte[] expected) =>
        http.Request.Headers[SecretHeader] is { Count: 1 } sent
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent[0] ?? ""), expected);
}
