using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WixUcp.Catalog;
using WixUcp.Commerce;
using WixUcp.Sandbox;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the embedded sandbox store to a WixUcp builder.</summary>
public static class WixUcpBuilderSandboxExtensions
{
    /// <summary>
    /// Uses the embedded sandbox store (a CSV dataset in the layout of the official UCP samples) as the commerce backend.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddWixUcp()</c>.</param>
    /// <param name="configure">Optional sandbox settings (dataset folder, currency).</param>
    /// <returns>The same builder.</returns>
    public static IWixUcpBuilder AddSandboxStore(this IWixUcpBuilder builder, Action<SandboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        builder.Services.AddOptions<SandboxOptions>().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidator>());
        builder.Services.TryAddSingleton<SandboxPaymentChallenges>();
        builder.Services.TryAddSingleton<SandboxBackend>();
        builder.Services.TryAddSingleton<ICheckoutBackend>(sp => sp.GetRequiredService<SandboxBackend>());
        builder.Services.TryAddSingleton<ICatalogBackend>(sp => sp.GetRequiredService<SandboxBackend>());
        return builder;
    }

    /// <summary>
    /// Adds the sandbox's test tokens as a payment processor outside the store (<c>success_token</c> captures,
    /// <c>fail_token</c> declines), so a backend that captures outside the store (Wix) can complete orders in trials and
    /// tests. No money moves: never use it where real orders are taken.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddWixUcp()</c>.</param>
    /// <returns>The same builder.</returns>
    public static IWixUcpBuilder AddSandboxPaymentCapture(this IWixUcpBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SandboxOptions>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPaymentCapture, SandboxPaymentCapture>());
        return builder;
    }
}
