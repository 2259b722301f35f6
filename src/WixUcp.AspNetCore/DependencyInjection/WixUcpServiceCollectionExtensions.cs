using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WixUcp;
using WixUcp.AspNetCore.Routing;
using WixUcp.Catalog;
using WixUcp.Checkout;
using WixUcp.Idempotency;
using WixUcp.Negotiation;
using WixUcp.Orders;

namespace Microsoft.Extensions.DependencyInjection;

public static class WixUcpServiceCollectionExtensions
{
    /// <summary>
    /// Registers the UCP merchant server: negotiation, the checkout engine, catalog and order services, and in-memory
    /// stores (replaced by storage packages). Calling it again only applies <paramref name="configure"/>.
    /// A commerce backend must be added too, for example <c>.AddSandboxStore()</c>.
    /// </summary>
    public static IWixUcpBuilder AddWixUcp(this IServiceCollection services, Action<WixUcpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        var builder = new WixUcpBuilder(services);
        if (services.Any(d => d.ServiceType == typeof(WixUcpMarkerService)))
        {
            return builder;
        }

        services.AddSingleton<WixUcpMarkerService>();
        services.AddOptions<WixUcpOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WixUcpOptions>, WixUcpOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<ICheckoutSessionStore, InMemoryCheckoutSessionStore>();
        services.TryAddSingleton<IOrderStore, InMemoryOrderStore>();
        services.TryAddSingleton<IIdempotencyStore, InMemoryIdempotencyStore>();

        services.AddHttpClient(HttpPlatformProfileResolver.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Profiles must be served without redirects; following one could also reach unintended hosts.
                AllowAutoRedirect = false,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                AutomaticDecompression = System.Net.DecompressionMethods.All,
            });
        services.TryAddSingleton<IPlatformProfileResolver, HttpPlatformProfileResolver>();
        services.TryAddSingleton<UcpNegotiator>();
        services.TryAddSingleton<CheckoutService>();
        services.TryAddSingleton<CatalogService>();
        services.TryAddSingleton<OrderService>();
        services.TryAddSingleton<ShoppingEndpoints>();
        services.TryAddSingleton<ProfileDocument>();
        return builder;
    }
}
