using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WixUcp.AspNetCore.Http;
using WixUcp.Commerce;
using WixUcp.Operations;
using static WixUcp.AspNetCore.Routing.RestBinding;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the UCP REST binding onto an ASP.NET Core application.</summary>
public static class WixUcpEndpointRouteBuilderExtensions
{
    private const string ProfilePath = "/.well-known/ucp";

    /// <summary>
    /// Maps <c>GET /.well-known/ucp</c> and the UCP shopping service's REST binding under <paramref name="prefix"/>.
    /// Returns the shopping group so hosts can add authorization, rate limits or CORS to it.
    /// </summary>
    /// <param name="endpoints">The application's endpoint builder.</param>
    /// <param name="prefix">The path of the shopping service (default <c>/ucp</c>).</param>
    /// <returns>The route group of the shopping service.</returns>
    public static RouteGroupBuilder MapWixUcp(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string prefix = "/ucp")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (!endpoints.ServiceProvider.GetRequiredService<IServiceProviderIsService>().IsService(typeof(UcpOperations)))
        {
            throw new InvalidOperationException(
                "MapWixUcp() needs the WixUcp services: call builder.Services.AddWixUcp() (and a backend such as .AddSandboxStore()) before building the app.");
        }

        if (endpoints.ServiceProvider.GetService<ICheckoutBackend>() is null)
        {
            throw new InvalidOperationException(
                "No commerce backend is registered: call AddWixUcp().AddSandboxStore() or register an ICheckoutBackend and ICatalogBackend.");
        }

        // Resolved now so that a composition error (for example a replaced store without its completion commit) stops
        // start-up with its message instead of failing the first request.
        _ = endpoints.ServiceProvider.GetRequiredService<UcpOperations>();

        var servicePath = "/" + prefix.Trim('/');
        endpoints.MapGet(ProfilePath, Handler(http => ProfileAsync(http, servicePath, version: null)))
            .WithName("WixUcp.Profile")
            .ExcludeFromDescription();

        // Each older protocol version's own profile, listed under supported_versions in the current one.
        endpoints.MapGet(ProfilePath + "/{version}", (HttpContext http, string version) => ProfileAsync(http, servicePath, version))
            .WithName("WixUcp.VersionProfile")
            .ExcludeFromDescription();

        var shopping = endpoints.MapGroup(prefix);
        shopping.AddEndpointFilter<UcpErrorFilter>();
        shopping.MapPost("/checkout-sessions", Handler(http =>
            InvokeAsync(http, Body.Json, (ops, call, ct) => ops.CreateCheckoutAsync(call, ct)))).WithName("WixUcp.CreateCheckout");
        shopping.MapGet("/checkout-sessions/{id}", (HttpContext http, string id) =>
            InvokeAsync(http, Body.None, (ops, call, ct) => ops.GetCheckoutAsync(call, id, ct))).WithName("WixUcp.GetCheckout");
        shopping.MapPut("/checkout-sessions/{id}", (HttpContext http, string id) =>
            InvokeAsync(http, Body.Json, (ops, call, ct) => ops.UpdateCheckoutAsync(call, id, ct))).WithName("WixUcp.UpdateCheckout");
        shopping.MapPost("/checkout-sessions/{id}/complete", (HttpContext http, string id) =>
            InvokeAsync(http, Body.Json, (ops, call, ct) => ops.CompleteCheckoutAsync(call, id, ct))).WithName("WixUcp.CompleteCheckout");
        shopping.MapPost("/checkout-sessions/{id}/cancel", (HttpContext http, string id) =>
            InvokeAsync(http, Body.Opaque, (ops, call, ct) => ops.CancelCheckoutAsync(call, id, ct))).WithName("WixUcp.CancelCheckout");
        shopping.MapGet("/orders/{id}", (HttpContext http, string id) =>
            InvokeAsync(http, Body.None, (ops, call, ct) => ops.GetOrderAsync(call, id, ct))).WithName("WixUcp.GetOrder");
        shopping.MapPost("/catalog/search", Handler(http =>
            InvokeAsync(http, Body.Json, (ops, call, ct) => ops.SearchCatalogAsync(call, ct)))).WithName("WixUcp.SearchCatalog");
        shopping.MapPost("/catalog/lookup", Handler(http =>
            InvokeAsync(http, Body.Json, (ops, call, ct) => ops.LookupCatalogAsync(call, ct)))).WithName("WixUcp.LookupCatalog");
        shopping.MapPost("/catalog/product", Handler(http =>
            InvokeAsync(http, Body.Json, (ops, call, ct) => ops.GetProductAsync(call, ct)))).WithName("WixUcp.GetProduct");
        return shopping;
    }

    // A typed delegate, so the route handler writes the returned IResult (a bare lambda over HttpContext would be a RequestDelegate).
    private static Delegate Handler(Func<HttpContext, Task<IResult>> handler) => handler;

    private static async Task<IResult> ProfileAsync(HttpContext http, string servicePath, string? version)
    {
        var call = new UcpCall { BaseUrl = BaseUrl(http), Caller = http.User };
        var root = call.BaseUrl.AbsoluteUri.TrimEnd('/');
        var outcome = await http.RequestServices.GetRequiredService<UcpOperations>()
            .GetBusinessProfileAsync(call, new Uri(root + servicePath), new Uri(root + ProfilePath), version, http.RequestAborted)
            .ConfigureAwait(false);

        // Profiles must be cacheable by platforms: public, at least 60 seconds.
        if (outcome.Kind == UcpOutcomeKind.Resource)
        {
            http.Response.Headers.CacheControl = "public, max-age=300";
        }

        return new UcpOutcomeResult(outcome);
    }
}
