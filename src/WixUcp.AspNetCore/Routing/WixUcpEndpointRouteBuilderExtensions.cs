using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WixUcp;
using WixUcp.AspNetCore.Authentication;
using WixUcp.AspNetCore.Http;
using WixUcp.AspNetCore.Mcp;
using WixUcp.AspNetCore.RateLimiting;
using WixUcp.Authentication;
using WixUcp.Commerce;
using WixUcp.Operations;
using WixUcp.RateLimiting;
using static WixUcp.AspNetCore.Routing.RestBinding;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the UCP REST binding onto an ASP.NET Core application.</summary>
public static class WixUcpEndpointRouteBuilderExtensions
{
    private const string ProfilePath = "/.well-known/ucp";
    private const string McpPath = "/mcp";

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

        // Absolute URLs (the profile's endpoint, continue_url, order permalinks) come from configuration, never from a
        // request's Host header, except on a developer's machine.
        var environment = endpoints.ServiceProvider.GetRequiredService<IHostEnvironment>();
        var settings = endpoints.ServiceProvider.GetRequiredService<IOptions<WixUcpOptions>>().Value;
        if (!environment.IsDevelopment())
        {
            if (settings.PublicBaseUrl is null)
            {
                throw new InvalidOperationException(
                    $"WixUcp:PublicBaseUrl must be set outside Development (environment '{environment.EnvironmentName}'): absolute URLs are never taken from a request's Host header.");
            }

            if (settings.PublicBaseUrl.Scheme != Uri.UriSchemeHttps || settings.StorefrontUrl is { Scheme: not "https" })
            {
                throw new InvalidOperationException("WixUcp:PublicBaseUrl and WixUcp:StorefrontUrl must be https:// outside Development: buyers are sent to them.");
            }

            if (settings.Auth.Enabled && string.IsNullOrWhiteSpace(settings.Auth.ApiKeyPepper))
            {
                throw new InvalidOperationException(
                    "WixUcp:Auth:ApiKeyPepper must be set outside Development: API keys are stored as HMACs under it (at least 32 bytes, e.g. `openssl rand -base64 48`).");
            }

            if (string.IsNullOrWhiteSpace(settings.Signing.PrivateKeyPem))
            {
                throw new InvalidOperationException(
                    "WixUcp:Signing:PrivateKeyPem must be set outside Development: every replica signs with it and the profile publishes it (an EC P-256 key, e.g. `openssl ecparam -name prime256v1 -genkey -noout`).");
            }
        }

        // Resolved now so that a composition error (for example a replaced store without its completion commit) stops
        // start-up with its message instead of failing the first request.
        _ = endpoints.ServiceProvider.GetRequiredService<UcpOperations>();

        var authEnabled = settings.Auth.Enabled;
        if (authEnabled && endpoints.ServiceProvider.GetService<IAuthenticationSchemeProvider>()?.GetSchemeAsync(UcpAuthenticationDefaults.AuthenticationScheme).GetAwaiter().GetResult() is null)
        {
            throw new InvalidOperationException(
                "WixUcp:Auth:Enabled is true but platform authentication is not registered: call AddWixUcp().AddUcpAuthentication(), or set WixUcp:Auth:Enabled=false to serve every call anonymously.");
        }

        var rateLimited = settings.RateLimits.Enabled;
        if (rateLimited && endpoints.ServiceProvider.GetService<UcpRateLimitingMarker>() is null)
        {
            throw new InvalidOperationException(
                "WixUcp:RateLimits:Enabled is true but rate limiting is not registered: call AddWixUcp().AddUcpRateLimiting() and app.UseRateLimiter() after app.UseAuthentication(), or set WixUcp:RateLimits:Enabled=false.");
        }

        // Each endpoint counts against its operation class's budget while rate limiting is on.
        TBuilder Limit<TBuilder>(TBuilder endpoint, string policy)
            where TBuilder : IEndpointConventionBuilder =>
            rateLimited ? endpoint.RequireRateLimiting(policy) : endpoint;

        // Each operation requires its permission while authentication is on, and counts against its budget.
        TBuilder Permit<TBuilder>(TBuilder endpoint, string permission)
            where TBuilder : IEndpointConventionBuilder
        {
            var policy = permission switch
            {
                UcpPermissions.ProductsRead => UcpRateLimitPolicies.Catalog,
                UcpPermissions.OrdersRead or UcpPermissions.OrdersWebhooks => UcpRateLimitPolicies.Orders,
                _ => UcpRateLimitPolicies.Checkout,
            };
            return Limit(authEnabled ? endpoint.RequireAuthorization(UcpAuthenticationDefaults.PolicyFor(permission)) : endpoint, policy);
        }

        var servicePath = "/" + prefix.Trim('/');
        var mcp = endpoints.ServiceProvider.GetService<UcpMcpMarker>() is not null;
        Limit(endpoints.MapGet(ProfilePath, Handler(http => ProfileAsync(http, servicePath, mcp, version: null))), UcpRateLimitPolicies.Profile)
            .WithName("WixUcp.Profile")
            .ExcludeFromDescription();

        // Each older protocol version's own profile, listed under supported_versions in the current one.
        Limit(endpoints.MapGet(ProfilePath + "/{version}", (HttpContext http, string version) => ProfileAsync(http, servicePath, mcp, version)), UcpRateLimitPolicies.Profile)
            .WithName("WixUcp.VersionProfile")
            .ExcludeFromDescription();

        var shopping = endpoints.MapGroup(prefix);
        shopping.AddEndpointFilter<UcpErrorFilter>();
        Permit(shopping.MapPost("/checkout-sessions", Handler(http =>
            InvokeAsync(http, Body.Json, (ops, call, ct) => ops.CreateCheckoutAsync(call, ct), personal: true))), UcpPermissions.CheckoutWrite).WithName("WixUcp.CreateCheckout");
        Permit(shopping.MapGet("/checkout-sessions/{id}", (HttpContext http, string id) =>
            InvokeAsync(http, Body.None, (ops, call, ct) => ops.GetCheckoutAsync(call, id, ct), personal: true)), UcpPermissions.CheckoutRead).WithName("WixUcp.GetCheckout");
        Permit(shopping.MapPut("/checkout-sessions/{id}", (HttpContext http, string id) =>
            InvokeAsync(http, Body.Json, (ops, call, ct) => ops.UpdateCheckoutAsync(call, id, ct), personal: true)), UcpPermissions.CheckoutWrite).WithName("WixUcp.UpdateCheckout");
        Permit(shopping.MapPost("/checkout-sessions/{id}/complete", (HttpContext http, string id) =>
            InvokeAsync(http, Body.Json, (ops, call, ct) => ops.CompleteCheckoutAsync(call, id, ct), personal: true, signed: true)), UcpPermissions.CheckoutWrite).WithName("WixUcp.CompleteCheckout");
        Permit(shopping.MapPost("/checkout-sessions/{id}/cancel", (HttpContext http, string id) =>
            InvokeAsync(http, Body.Opaque, (ops, call, ct) => ops.CancelCheckoutAsync(call, id, ct), personal: true)), UcpPermissions.CheckoutWrite).WithName("WixUcp.CancelCheckout");
        Permit(shopping.MapPost("/carts", Handler(http =>
            InvokeAsync(http, Body.Json, (ops, call, ct) => ops.CreateCartAsync(call, ct), personal: true))), UcpPermissions.CheckoutWrite).WithName("WixUcp.CreateCart");
        Permit(shopping.MapGet("/carts/{id}", (HttpContext http, string id) =>
            InvokeAsync(http, Body.None, (ops, call, ct) => ops.GetCartAsync(call, id, ct), personal: true)), UcpPermissions.CheckoutRead).WithName("WixUcp.GetCart");
        Permit(shopping.MapPut("/carts/{id}", (HttpContext http, string id) =>
            InvokeAsync(http, Body.Json, (ops, call, ct) => ops.UpdateCartAsync(call, id, ct), personal: true)), UcpPermissions.CheckoutWrite).WithName("WixUcp.UpdateCart");
        Permit(shopping.MapPost("/carts/{id}/cancel", (HttpContext http, string id) =>
            InvokeAsync(http, Body.Opaque, (ops, call, ct) => ops.CancelCartAsync(call, id, ct), personal: true)), UcpPermissions.CheckoutWrite).WithName("WixUcp.CancelCart");
        Permit(shopping.MapGet("/orders/{id}", (HttpContext http, string id) =>
            InvokeAsync(http, Body.None, (ops, call, ct) => ops.GetOrderAsync(call, id, ct), personal: true)), UcpPermissions.OrdersRead).WithName("WixUcp.GetOrder");
        Permit(shopping.MapPost("/webhooks", Handler(http =>
            InvokeAsync(http, Body.Json, (ops, call, ct) => ops.CreateWebhookRegistrationAsync(call, ct), personal: true))), UcpPermissions.OrdersWebhooks).WithName("WixUcp.CreateWebhook");
        Permit(shopping.MapGet("/webhooks", Handler(http =>
            InvokeAsync(http, Body.None, (ops, call, ct) => ops.ListWebhookRegistrationsAsync(call, ct), personal: true))), UcpPermissions.OrdersWebhooks).WithName("WixUcp.ListWebhooks");
        Permit(shopping.MapDelete("/webhooks/{id}", (HttpContext http, string id) =>
            InvokeAsync(http, Body.None, (ops, call, ct) => ops.DeleteWebhookRegistrationAsync(call, id, ct), personal: true)), UcpPermissions.OrdersWebhooks).WithName("WixUcp.DeleteWebhook");
        Permit(shopping.MapPost("/catalog/search", Handler(http =>
            InvokeAsync(http, Body.Json, (ops, call, ct) => ops.SearchCatalogAsync(call, ct)))), UcpPermissions.ProductsRead).WithName("WixUcp.SearchCatalog");
        Permit(shopping.MapPost("/catalog/lookup", Handler(http =>
            InvokeAsync(http, Body.Json, (ops, call, ct) => ops.LookupCatalogAsync(call, ct)))), UcpPermissions.ProductsRead).WithName("WixUcp.LookupCatalog");
        Permit(shopping.MapPost("/catalog/product", Handler(http =>
            InvokeAsync(http, Body.Json, (ops, call, ct) => ops.GetProductAsync(call, ct)))), UcpPermissions.ProductsRead).WithName("WixUcp.GetProduct");

        if (mcp)
        {
            // The SDK's Streamable HTTP endpoint, behind the adapter that bounds, frames and limits it; permissions are
            // checked per tool call, so the endpoint only needs an authenticated platform.
            var tools = endpoints.MapMcp(servicePath + McpPath).WithName("WixUcp.Mcp").WithMetadata(UcpMcpEndpointMetadata.Instance);
            tools.Add(endpoint => endpoint.RequestDelegate = endpoint.RequestDelegate is { } sdk ? UcpMcpEndpoint.Wrap(sdk) : null);
            if (authEnabled)
            {
                tools.RequireAuthorization(policy => policy.AddAuthenticationSchemes(UcpAuthenticationDefaults.AuthenticationScheme).RequireAuthenticatedUser());
            }
        }

        // The server's own 404 and 405 under the service path answer in UCP's error format too.
        shopping.MapFallback("{**path}", (HttpContext http) => Fallback(http, servicePath));
        return shopping;
    }

    // The service's routes by shape (segments, '*' for an id) and their methods, to tell 405 from 404.
    private static readonly (string[] Shape, string[] Methods)[] Routes =
    [
        (["checkout-sessions"], ["POST"]),
        (["carts"], ["POST"]),
        (["carts", "*"], ["GET", "PUT"]),
        (["carts", "*", "cancel"], ["POST"]),
        (["checkout-sessions", "*"], ["GET", "PUT"]),
        (["checkout-sessions", "*", "complete"], ["POST"]),
        (["checkout-sessions", "*", "cancel"], ["POST"]),
        (["orders", "*"], ["GET"]),
        (["webhooks"], ["GET", "POST"]),
        (["webhooks", "*"], ["DELETE"]),
        (["catalog", "search"], ["POST"]),
        (["catalog", "lookup"], ["POST"]),
        (["catalog", "product"], ["POST"]),
        (["mcp"], ["POST"]),
    ];

    private static UcpOutcomeResult Fallback(HttpContext http, string servicePath)
    {
        var relative = (http.Request.Path.Value ?? "")[servicePath.Length..].Trim('/');
        var segments = relative.Length == 0 ? [] : relative.Split('/');
        var route = Routes.FirstOrDefault(r => r.Shape.Length == segments.Length
            && r.Shape.Zip(segments).All(p => p.First == "*" || string.Equals(p.First, p.Second, StringComparison.Ordinal)));
        if (route.Methods is { } methods)
        {
            http.Response.Headers.Allow = string.Join(", ", methods);
            return new UcpOutcomeResult(UcpOutcome.ProtocolError(StatusCodes.Status405MethodNotAllowed, "method_not_allowed", $"Use {string.Join(" or ", methods)} here."));
        }

        return new UcpOutcomeResult(UcpOutcome.ProtocolError(StatusCodes.Status404NotFound, "not_found", "No UCP operation is served at this path."));
    }

    // A typed delegate, so the route handler writes the returned IResult (a bare lambda over HttpContext would be a RequestDelegate).
    private static Delegate Handler(Func<HttpContext, Task<IResult>> handler) => handler;

    private static async Task<IResult> ProfileAsync(HttpContext http, string servicePath, bool mcp, string? version)
    {
        RequireRateLimiterMiddleware(http);
        var call = new UcpCall { BaseUrl = BaseUrl(http), Caller = http.User };
        var root = call.BaseUrl.AbsoluteUri.TrimEnd('/');
        var outcome = await http.RequestServices.GetRequiredService<UcpOperations>()
            .GetBusinessProfileAsync(call, new UcpServiceEndpoints(new Uri(root + servicePath), mcp ? new Uri(root + servicePath + McpPath) : null), new Uri(root + ProfilePath), version, http.RequestAborted)
            .ConfigureAwait(false);

        // Profiles must be cacheable by platforms: public, at least 60 seconds, with a validator (2026-08-25 hosting rules).
        if (outcome.Kind == UcpOutcomeKind.Resource)
        {
            var etag = "\"" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(outcome.Body.Span), 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"";
            http.Response.Headers.CacheControl = "public, max-age=300";
            http.Response.Headers.ETag = etag;
            if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
        }

        return new UcpOutcomeResult(outcome);
    }
}
