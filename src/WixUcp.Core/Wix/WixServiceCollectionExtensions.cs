using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using WixUcp.Diagnostics;

namespace WixUcp.Wix;

/// <summary>The Wix client's services: the named HTTP client with its resilience pipeline, tokens, sites and the catalog.</summary>
internal static class WixServiceCollectionExtensions
{
    /// <summary>Marks a call that may be retried although its method is POST (Wix's reads by query or search).</summary>
    public static readonly HttpRequestOptionsKey<bool> SafeToRetry = new("WixUcp.Wix.SafeToRetry");

    /// <summary>The site a call is for: each site has its own resilience pipeline (its own circuit breaker).</summary>
    public static readonly HttpRequestOptionsKey<string> Site = new("WixUcp.Wix.Site");

    public static IServiceCollection AddWixClient(this IServiceCollection services)
    {
        services.TryAddSingleton<WixTokenSource>();
        services.TryAddSingleton<WixSites>();
        services.TryAddSingleton<WixApiClient>();
        services.TryAddSingleton<WixCatalogBackend>();
        services.TryAddSingleton<WixWebhookVerifier>();
        services.TryAddSingleton<WixCheckoutLinks>();
        services.TryAddSingleton<WixEvents>();
        services.TryAddSingleton(sp => new WixWebhookReceiver(sp.GetRequiredService<WixWebhookVerifier>(), sp.GetRequiredService<WixEvents>()));
        // Wix is trusted, but an answer still has a budget: no page of products or checkout comes near 8 MiB.
        services.AddHttpClient(WixApiClient.HttpClientName, client => client.MaxResponseContentBufferSize = 8 * 1024 * 1024)
            .AddHttpMessageHandler(() => new RequestIdPropagationHandler())
            .AddStandardResilienceHandler()
            .Configure((resilience, provider) =>
            {
                var wix = provider.GetRequiredService<IOptions<WixUcpOptions>>().Value.Wix;
                resilience.AttemptTimeout.Timeout = wix.RequestTimeout;
                resilience.TotalRequestTimeout.Timeout = wix.RequestTimeout * 3 + TimeSpan.FromSeconds(5);
                resilience.CircuitBreaker.SamplingDuration = wix.RequestTimeout * 3;
                resilience.Retry.MaxRetryAttempts = 2;
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(200);
                resilience.Retry.MaxDelay = wix.RequestTimeout;

                // Retries repeat only what cannot do anything twice: GETs, and POSTs the client marks as reads. Creating
                // a checkout or an order, or recording a payment, is never retried here.
                var transient = resilience.Retry.ShouldHandle;
                resilience.Retry.ShouldHandle = async args =>
                    args.Context.GetRequestMessage() is { } request
                    && (request.Method == HttpMethod.Get || (request.Options.TryGetValue(SafeToRetry, out var safe) && safe))
                    && await transient(args).ConfigureAwait(false);

                // A site asking us to slow down (429) is not a site failing: its budget must not open the breaker.
                var failing = resilience.CircuitBreaker.ShouldHandle;
                resilience.CircuitBreaker.ShouldHandle = async args =>
                    args.Outcome.Result?.StatusCode != System.Net.HttpStatusCode.TooManyRequests && await failing(args).ConfigureAwait(false);
            })
            .SelectPipelineBy(_ => request => request.Options.TryGetValue(Site, out var site) ? site : "");
        return services;
    }
}
