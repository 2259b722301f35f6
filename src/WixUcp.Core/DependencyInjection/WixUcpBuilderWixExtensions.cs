using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WixUcp;
using WixUcp.Catalog;
using WixUcp.Commerce;
using WixUcp.Wix;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Makes a Wix site the commerce backend.</summary>
public static class WixUcpBuilderWixExtensions
{
    /// <summary>
    /// Uses a Wix site as the commerce backend: its Stores catalog (V1 or V3, detected per site) and its eCommerce
    /// checkouts, reached with an app instance's client-credentials tokens or an owner's API key
    /// (<see cref="WixOptions"/>, <c>WixUcp:Wix</c>). Replaces any backend registered before.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddWixUcp()</c>.</param>
    /// <param name="configure">Optional Wix settings, applied after configuration.</param>
    /// <returns>The same builder.</returns>
    public static IWixUcpBuilder AddWix(this IWixUcpBuilder builder, Action<WixOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (configure is not null)
        {
            services.Configure<WixUcpOptions>(o => configure(o.Wix));
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WixUcpOptions>, WixOptionsValidator>());
        services.AddWixClient();
        services.TryAddSingleton<WixCheckoutBackend>();
        services.RemoveAll<ICheckoutBackend>();
        services.RemoveAll<ICatalogBackend>();
        services.AddSingleton<ICheckoutBackend>(sp => sp.GetRequiredService<WixCheckoutBackend>());
        services.AddSingleton<ICatalogBackend>(sp => sp.GetRequiredService<WixCatalogBackend>());
        return builder;
    }
}
