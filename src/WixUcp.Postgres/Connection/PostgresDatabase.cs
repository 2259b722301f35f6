using Microsoft.Extensions.Options;
using Npgsql;
using WixUcp.Storage;

namespace WixUcp.Postgres.Connection;

/// <summary>
/// The pooled data source of the PostgreSQL stores. Commands that cannot reach the server, or run past the statement
/// timeout, surface as <see cref="StoreUnavailableException"/>; every command is parameterised.
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable, IDisposable
{
    public PostgresDatabase(IOptions<WixUcpPostgresOptions> options)
    {
        var settings = options.Value;
        var connectionString = settings.ConnectionString ?? throw new InvalidOperationException("WixUcp:Postgres:ConnectionString (or DATABASE_URL) is not set.");
        DataSource = NpgsqlDataSource.Create(PostgresConnectionString.ForStatements(connectionString, settings.StatementTimeout));
    }

    public NpgsqlDataSource DataSource { get; }

    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> command, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                return await command(connection).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (IsUnavailable(ex, cancellationToken))
        {
            throw new StoreUnavailableException("PostgreSQL did not answer.", ex) { Store = "postgres" };
        }
    }

    public void Dispose() => DataSource.Dispose();

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    // Connection failures, timeouts and statement_timeout cancellations (57014); a caller's own cancellation is not.
    private static bool IsUnavailable(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.AdminShutdown
            or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections,
        NpgsqlException or TimeoutException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
