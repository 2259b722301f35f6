using System.Globalization;
using Npgsql;

namespace WixUcp.Postgres.Connection;

/// <summary>Reads <c>postgres://</c> URLs (the form hosting platforms hand out) and Npgsql connection strings alike.</summary>
internal static class PostgresConnectionString
{
    public static NpgsqlConnectionStringBuilder Parse(string value)
    {
        if (!value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new NpgsqlConnectionStringBuilder(value);
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || string.IsNullOrEmpty(url.Host))
        {
            throw new FormatException("The database URL is not of the form postgres://user:password@host:port/database.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.IsDefaultPort || url.Port < 0 ? 5432 : url.Port,
            Database = Uri.UnescapeDataString(url.AbsolutePath.Trim('/')) is { Length: > 0 } database ? database : "postgres",
        };
        if (url.UserInfo.Length > 0)
        {
            var parts = url.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, setting) = (pair.Split('=', 2)[0], pair.Contains('=', StringComparison.Ordinal) ? Uri.UnescapeDataString(pair.Split('=', 2)[1]) : "");
            if (name.Equals("sslmode", StringComparison.OrdinalIgnoreCase) && Enum.TryParse<SslMode>(setting, ignoreCase: true, out var mode))
            {
                builder.SslMode = mode;
            }
        }

        return builder;
    }

    public static string ForStatements(string value, TimeSpan statementTimeout)
    {
        var builder = Parse(value);
        builder.CommandTimeout = Math.Max(1, (int)Math.Ceiling(statementTimeout.TotalSeconds));
        builder.Options = $"-c statement_timeout={((long)statementTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}";
        builder.ApplicationName ??= "wixucp";
        return builder.ConnectionString;
    }
}
