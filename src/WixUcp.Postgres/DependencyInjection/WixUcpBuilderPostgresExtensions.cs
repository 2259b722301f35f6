using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WixUcp.Orders;
using WixUcp.Postgres;
using WixUcp.Postgres.Connection;
using WixUcp.Postgres.Migrations;
using WixUcp.Postgres.Stores;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the PostgreSQL stores to a WixUcp builder.</summary>
public static class WixUcpBuilderPostgresExtensions
{
    /// <summary>
    /// Keeps orders in PostgreSQL, durable and shared by every replica, in place of the in-memory store. With
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
        services.TryAddSingleton<PostgresMigrator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Hosting.IHostedService, PostgresMigrationService>());
        services.Replace(ServiceDescriptor.Singleton<IOrderStore, PostgresOrderStore>());
        return builder;
    }
}
