using Microsoft.Extensions.Options;
using WixUcp.Postgres;
using WixUcp.Postgres.Connection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Checks the PostgreSQL settings at start-up; each failure names the setting.</summary>
internal sealed class WixUcpPostgresOptionsValidator : IValidateOptions<WixUcpPostgresOptions>
{
    public ValidateOptionsResult Validate(string? name, WixUcpPostgresOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("WixUcp:Postgres:ConnectionString (or DATABASE_URL) must name the database, for example postgres://user:password@localhost:5432/wixucp.");
        }

        try
        {
            PostgresConnectionString.Parse(options.ConnectionString);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return ValidateOptionsResult.Fail($"WixUcp:Postgres:ConnectionString is not a database URL or Npgsql connection string: {ex.Message}");
        }

        return options.StatementTimeout <= TimeSpan.Zero
            ? ValidateOptionsResult.Fail("WixUcp:Postgres:StatementTimeout must be positive.")
            : ValidateOptionsResult.Success;
    }
}
