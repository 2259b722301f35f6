using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WixUcp.Catalog;
using WixUcp.Commerce;
using WixUcp.Sandbox;

namespace Microsoft.Extensions.DependencyInjection;

public static class WixUcpBuilderSandboxExtensions
{
    /// <summary>
    /// Uses the embedded sandbox store (a CSV dataset in the layout of the official UCP samples) as the commerce backend.
    /// </summary>
    public static IWixUcpBuilder AddSandboxStore(this IWixUcpBuilder builder, Action<SandboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        builder.Services.AddOptions<SandboxOptions>().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidator>());
        builder.Services.TryAddSingleton<SandboxBackend>();
        builder.Services.TryAddSingleton<ICheckoutBackend>(sp => sp.GetRequiredService<SandboxBackend>());
        builder.Services.TryAddSingleton<ICatalogBackend>(sp => sp.GetRequiredService<SandboxBackend>());
        return builder;
    }
}
