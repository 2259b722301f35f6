using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace WixUcp.Postgres.Migrations;

/// <summary>Applies pending migrations when the host starts, if <see cref="WixUcpPostgresOptions.MigrateOnStart"/> is set.</summary>
internal sealed class PostgresMigrationService(PostgresMigrator migrator, IOptions<WixUcpPostgresOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStart)
        {
            await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
