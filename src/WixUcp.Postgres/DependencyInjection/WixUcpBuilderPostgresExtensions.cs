using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WixUcp;
using WixUcp.ApiKeys;
using WixUcp.Encryption;
using WixUcp.Installations;
using WixUcp.Orders;
using WixUcp.Postgres;
using WixUcp.Postgres.Connection;
using WixUcp.Postgres.Health;
using WixUcp.Postgres.Migrations;
using WixUcp.Postgres.Stores;
using WixUcp.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the PostgreSQL stores to a WixUcp builder.</summary>
public static class WixUcpBuilderPostgresExtensions
{
    /// <summary>
    /// Keeps orders, app installations, webhook registrations and API keys in PostgreSQL, durable and shared by every
    /// replica, in place of the in-memory stores; secret columns are envelope-encrypted (<c>WixUcp:Encryption</c>). With
    /// <see cref="WixUcpPostgresOptions.MigrateOnStart"/> the embedded migrations are applied when the host starts.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddWixUcp()</c>.</param>
    /// <param name="configure">Settings; <see cref="WixUcpPostgresOptions.ConnectionString"/> is required.</param>
    /// <returns>The same builder.</returns>
    public static IWixUcpBuilder AddPostgres(this IWixUcpBuilder builder, Action<WixUcpPostgresOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddOptions<WixUcpPostgresOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WixUcpPostgresOptions>, WixUcpPostgresOptionsValidator>());
        services.TryAddSingleton<PostgresDatabase>();
        services.AddHealthChecks().AddUcpReadinessCheck<PostgresHealthCheck>("postgres");
        services.TryAddSingleton(sp => new PostgresMigrator(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<ILogger<PostgresMigrator>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Hosting.IHostedService, PostgresMigrationService>());
        services.Replace(ServiceDescriptor.Singleton<IOrderStore, PostgresOrderStore>());
        services.Replace(ServiceDescriptor.Singleton<IWebhookOutbox, PostgresWebhookOutbox>());
        services.Replace(ServiceDescriptor.Singleton<IAppInstanceStore, PostgresAppInstanceStore>());
        services.Replace(ServiceDescriptor.Singleton<IWebhookRegistrationStore, PostgresWebhookRegistrationStore>());
        services.Replace(ServiceDescriptor.Singleton<IApiKeyStore, PostgresApiKeyStore>());
        services.TryAddSingleton(sp => new PostgresKeyRotation(
            sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<EnvelopeEncryptor>(), sp.GetRequiredService<IKeyEncryptionKeyProvider>()));

        // Secret columns are encrypted: with the keys from configuration, a current key must be set.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EncryptionOptions>, PostgresEncryptionOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WixUcpOptions>, PostgresApiKeyPepperValidator>());
        return builder;
    }
}
