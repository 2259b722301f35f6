using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WixUcp;
using WixUcp.ApiKeys;
using WixUcp.Authentication;
using WixUcp.Carts;
using WixUcp.Catalog;
using WixUcp.Checkout;
using WixUcp.Commerce;
using WixUcp.Diagnostics;
using WixUcp.Encryption;
using WixUcp.Health;
using WixUcp.Idempotency;
using WixUcp.Installations;
using WixUcp.Negotiation;
using WixUcp.Operations;
using WixUcp.Signatures;
using WixUcp.Orders;
using WixUcp.RateLimiting;
using WixUcp.Tenancy;
using WixUcp.Versions;
using WixUcp.Versions.V20260123;
using WixUcp.Versions.V20260408;
using WixUcp.Versions.V20260825;
using WixUcp.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the WixUcp merchant server's services on an <see cref="IServiceCollection"/>.</summary>
public static class WixUcpServiceCollectionExtensions
{
    /// <summary>
    /// Registers the transport-neutral UCP merchant server (<see cref="UcpOperations"/>): protocol versions, negotiation,
    /// the checkout engine, catalog and order services, a single-tenant resolver and in-memory stores (replaced by storage
    /// packages). Needs no web host. Calling it again only applies <paramref name="configure"/>. A commerce backend must be
    /// added too, for example <c>.AddSandboxStore()</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional settings.</param>
    /// <returns>The builder on which storage, backend and transport packages add their parts.</returns>
    public static IWixUcpBuilder AddWixUcp(this IServiceCollection services, Action<WixUcpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        var builder = new WixUcpBuilder(services);
        if (services.Any(d => d.ServiceType == typeof(UcpOperations)))
        {
            return builder;
        }

        services.AddOptions<WixUcpOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WixUcpOptions>, WixUcpOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WixUcpOptions>, WebhookOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WixUcpOptions>, ProtocolOptionsValidator>());
        services.AddLogging();
        services.AddMetrics();
        services.AddHybridCache();
        services.TryAddSingleton<WixUcpMetrics>();
        services.TryAddSingleton<IRateLimiter, InMemoryRateLimiter>();
        services.TryAddSingleton<IWebhookOutbox, InMemoryWebhookOutbox>();
        services.TryAddSingleton<OrderWebhooks>();
        services.TryAddSingleton<WebhookWakeup>();
        services.TryAddSingleton<WebhookRegistrations>();
        services.TryAddSingleton(sp => new IncomingWebhookVerifier(sp.GetRequiredService<TimeProvider>()));
        services.AddHttpClient(WebhookDispatcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // Receivers get the same SSRF guard as profile fetches: public addresses only, checked after resolution.
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectCallback = sp.GetRequiredService<ProfileFetchGuard>().ConnectAsync,
            });
        services.AddHostedService<WebhookDispatcher>();
        services.TryAddSingleton(sp => new RateLimitGate(
            sp.GetRequiredService<IRateLimiter>(), sp.GetRequiredService<IOptions<WixUcpOptions>>(), sp.GetRequiredService<ILogger<RateLimitGate>>(), sp.GetService<WixUcpMetrics>()));
        if (services.All(d => d.ServiceType != typeof(HealthStatusBoard)))
        {
            services.AddSingleton<HealthStatusBoard>();
            services.AddSingleton<IHealthCheckPublisher>(sp => sp.GetRequiredService<HealthStatusBoard>());
        }

        services.AddHealthChecks()
            .AddUcpReadinessCheck<SigningKeysHealthCheck>("signing_keys")
            .AddUcpReadinessCheck<CommerceBackendHealthCheck>("commerce_backend")
            .AddUcpReadinessCheck<ShutdownHealthCheck>("accepting_requests");
        services.TryAddSingleton(TimeProvider.System);

        // Protocol versions: one registration each; negotiation picks one per request.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<UcpProtocolVersion, UcpVersion20260825>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<UcpProtocolVersion, UcpVersion20260408>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<UcpProtocolVersion, UcpVersion20260123>());
        services.TryAddSingleton<UcpVersionRegistry>();

        services.TryAddSingleton<ITenantResolver, CallerTenantResolver>();
        services.TryAddSingleton<ICheckoutSessionStore, InMemoryCheckoutSessionStore>();
        services.TryAddSingleton<IOrderStore, InMemoryOrderStore>();
        services.TryAddSingleton(CompletionStore);
        services.TryAddSingleton<IIdempotencyStore, InMemoryIdempotencyStore>();
        services.TryAddSingleton<IAppInstanceStore, InMemoryAppInstanceStore>();
        services.TryAddSingleton<IWebhookRegistrationStore, InMemoryWebhookRegistrationStore>();
        services.TryAddSingleton<IApiKeyStore, InMemoryApiKeyStore>();
        services.TryAddSingleton<ApiKeyHasher>();
        services.TryAddSingleton<VerifiedApiKeys>();
        services.TryAddSingleton(sp => new ApiKeyIssuer(sp.GetRequiredService<IApiKeyStore>(), sp.GetRequiredService<ApiKeyHasher>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<VerifiedApiKeys>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IUcpAuth, ApiKeyAuth>());
        services.TryAddSingleton<ISignatureReplayCache, InMemorySignatureReplayCache>();
        services.TryAddSingleton(sp => new RequestSignatureAuth(
            sp.GetRequiredService<IPlatformProfileResolver>(), sp.GetRequiredService<IOptions<WixUcpOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ISignatureReplayCache>()));

        // Envelope encryption of secrets kept by durable stores; the KEKs come from WixUcp:Encryption unless a KMS-backed
        // IKeyEncryptionKeyProvider is registered.
        services.AddOptions<EncryptionOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EncryptionOptions>, EncryptionOptionsValidator>());
        services.TryAddSingleton<IKeyEncryptionKeyProvider, ConfiguredKeyEncryptionKeyProvider>();
        services.TryAddSingleton<EnvelopeEncryptor>();
        services.TryAddSingleton<UcpSigningKeys>();
        services.TryAddSingleton<IWebhookSigner, WebhookSigner>();

        services.TryAddSingleton<ProfileFetchGuard>();
        services.AddHttpClient(HttpPlatformProfileResolver.HttpClientName)
            .AddHttpMessageHandler(() => new RequestIdPropagationHandler())
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // Profiles must be served without redirects; following one could also reach unintended hosts.
                AllowAutoRedirect = false,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                AutomaticDecompression = System.Net.DecompressionMethods.All,
                UseProxy = false,
                ConnectCallback = sp.GetRequiredService<ProfileFetchGuard>().ConnectAsync,
            });
        services.TryAddSingleton<IPlatformProfileResolver, HttpPlatformProfileResolver>();
        services.TryAddSingleton<UcpNegotiator>();
        services.TryAddSingleton<IdempotencyGate>();
        // Backends are used through a measuring decorator (metrics and traces of every call).
        services.TryAddKeyedSingleton<ICheckoutBackend>(MeasuredCheckoutBackend.ServiceKey, (sp, _) =>
            new MeasuredCheckoutBackend(sp.GetService<ICheckoutBackend>() ?? throw NoBackend(), sp.GetRequiredService<WixUcpMetrics>()));
        services.TryAddKeyedSingleton<ICatalogBackend>(MeasuredCheckoutBackend.ServiceKey, (sp, _) =>
            new MeasuredCatalogBackend(sp.GetService<ICatalogBackend>() ?? throw NoBackend(), sp.GetRequiredService<WixUcpMetrics>()));
        services.TryAddSingleton<CheckoutService>();
        services.TryAddSingleton<ICartStore, InMemoryCartStore>();
        services.TryAddSingleton(sp => new CartService(
            sp.GetRequiredService<ICartStore>(), sp.GetRequiredKeyedService<ICheckoutBackend>(MeasuredCheckoutBackend.ServiceKey),
            sp.GetRequiredService<IOptions<WixUcpOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<CartService>>()));
        services.TryAddSingleton<CatalogService>();
        services.TryAddSingleton<OrderService>();
        services.TryAddSingleton(sp => new UcpOperations(
            sp.GetService<ICheckoutBackend>() is null ? throw NoBackend() : sp.GetRequiredService<UcpNegotiator>(),
            sp.GetRequiredService<UcpVersionRegistry>(),
            sp.GetRequiredService<ITenantResolver>(),
            sp.GetRequiredService<IdempotencyGate>(),
            sp.GetRequiredService<CheckoutService>(),
            sp.GetRequiredService<CatalogService>(),
            sp.GetRequiredService<OrderService>(),
            sp.GetRequiredKeyedService<ICheckoutBackend>(MeasuredCheckoutBackend.ServiceKey),
            sp.GetRequiredService<HybridCache>(),
            sp.GetRequiredService<UcpSigningKeys>(),
            sp.GetRequiredService<IOptions<WixUcpOptions>>(),
            sp.GetRequiredService<ILogger<UcpOperations>>(),
            sp.GetRequiredService<WixUcpMetrics>(),
            sp.GetRequiredService<OrderWebhooks>(),
            sp.GetRequiredService<WebhookRegistrations>(),
            sp.GetRequiredService<CartService>()));
        return builder;
    }

    // Over the in-memory stores one lock makes the commit atomic. Over stores that share no transaction (a storage
    // package replaced one of them and brought no commit of its own) the order is written first, idempotently.
    private static ICheckoutCompletionStore CompletionStore(IServiceProvider services)
    {
        var sessions = services.GetRequiredService<ICheckoutSessionStore>();
        var orders = services.GetRequiredService<IOrderStore>();
        var outbox = services.GetRequiredService<IWebhookOutbox>();
        return sessions is InMemoryCheckoutSessionStore && orders is InMemoryOrderStore && outbox is InMemoryWebhookOutbox
            ? new InMemoryCheckoutCompletionStore(sessions, orders, outbox)
            : new OrderFirstCheckoutCompletionStore(sessions, orders, outbox);
    }

    internal static InvalidOperationException NoBackend() => new(
        "No commerce backend is registered: call AddWixUcp().AddSandboxStore() or register an ICheckoutBackend and ICatalogBackend.");
}
