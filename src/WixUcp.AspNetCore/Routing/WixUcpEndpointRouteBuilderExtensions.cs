using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WixUcp.AspNetCore.Http;
using WixUcp.AspNetCore.Idempotency;
using WixUcp.AspNetCore.Routing;
using WixUcp.Commerce;

namespace Microsoft.AspNetCore.Builder;

public static class WixUcpEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET /.well-known/ucp</c> and the UCP shopping service's REST binding under <paramref name="prefix"/>.
    /// Returns the shopping group so hosts can add authorization, rate limits or CORS to it.
    /// </summary>
    public static RouteGroupBuilder MapWixUcp(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string prefix = "/ucp")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<WixUcpMarkerService>() is null)
        {
            throw new InvalidOperationException(
                "MapWixUcp() needs the WixUcp services: call builder.Services.AddWixUcp() (and a backend such as .AddSandboxStore()) before building the app.");
        }

        if (endpoints.ServiceProvider.GetService<ICheckoutBackend>() is null)
        {
            throw new InvalidOperationException(
                "No commerce backend is registered: call AddWixUcp().AddSandboxStore() or register an ICheckoutBackend and ICatalogBackend.");
        }

        endpoints.MapGet("/.well-known/ucp", (HttpContext http) => Profile(http, prefix))
            .WithName("WixUcp.Profile")
            .ExcludeFromDescription();

        var shopping = endpoints.MapGroup(prefix);
        shopping.AddEndpointFilter<UcpErrorFilter>();
        shopping.MapPost("/checkout-sessions", (ShoppingEndpoints handlers, HttpContext http) => handlers.CreateCheckoutAsync(http))
            .AddEndpointFilter<IdempotencyFilter>().WithName("WixUcp.CreateCheckout");
        shopping.MapGet("/checkout-sessions/{id}", (ShoppingEndpoints handlers, HttpContext http, string id) => handlers.GetCheckoutAsync(http, id))
            .WithName("WixUcp.GetCheckout");
        shopping.MapPut("/checkout-sessions/{id}", (ShoppingEndpoints handlers, HttpContext http, string id) => handlers.UpdateCheckoutAsync(http, id))
            .AddEndpointFilter<IdempotencyFilter>().WithName("WixUcp.UpdateCheckout");
        shopping.MapPost("/checkout-sessions/{id}/complete", (ShoppingEndpoints handlers, HttpContext http, string id) => handlers.CompleteCheckoutAsync(http, id))
            .AddEndpointFilter<IdempotencyFilter>().WithName("WixUcp.CompleteCheckout");
        shopping.MapPost("/checkout-sessions/{id}/cancel", (ShoppingEndpoints handlers, HttpContext http, string id) => handlers.CancelCheckoutAsync(http, id))
            .AddEndpointFilter<IdempotencyFilter>().WithName("WixUcp.CancelCheckout");
        shopping.MapGet("/orders/{id}", (ShoppingEndpoints handlers, HttpContext http, string id) => handlers.GetOrderAsync(http, id))
            .WithName("WixUcp.GetOrder");
        shopping.MapPost("/catalog/search", (ShoppingEndpoints handlers, HttpContext http) => handlers.SearchCatalogAsync(http))
            .WithName("WixUcp.SearchCatalog");
        shopping.MapPost("/catalog/lookup", (ShoppingEndpoints handlers, HttpContext http) => handlers.LookupCatalogAsync(http))
            .WithName("WixUcp.LookupCatalog");
        shopping.MapPost("/catalog/product", (ShoppingEndpoints handlers, HttpContext http) => handlers.GetProductAsync(http))
            .WithName("WixUcp.GetProduct");
        return shopping;
    }

    private static UcpJsonResult Profile(HttpContext http, string prefix)
    {
        var baseUrl = UcpHttpContext.BaseUrl(http).AbsoluteUri.TrimEnd('/');
        var body = http.RequestServices.GetRequiredService<ProfileDocument>().For(new Uri(baseUrl + "/" + prefix.Trim('/')));

        // Profiles must be cacheable by platforms: public, at least 60 seconds.
        http.Response.Headers.CacheControl = "public, max-age=300";
        return new UcpJsonResult(StatusCodes.Status200OK, body);
    }
}
