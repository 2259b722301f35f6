namespace WixUcp.Postgres;

/// <summary>Settings of the PostgreSQL stores (bound from <c>WixUcp:Postgres</c>; the sample host reads <c>DATABASE_URL</c>).</summary>
public sealed class WixUcpPostgresOptions
{
    /// <summary>
    /// Where the database is: a URL (<c>postgres://user:password@host:port/database</c>, also <c>postgresql://</c>) or an
    /// Npgsql connection string (<c>Host=...;Database=...</c>).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Whether pending migrations are applied when the host starts (under an advisory lock, so replicas may start together).</summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>The longest a statement may run (the server's <c>statement_timeout</c> and the client's command timeout).</summary>
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
