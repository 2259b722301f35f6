using WixUcp;
using WixUcp.Encryption;
using WixUcp.Postgres;
using WixUcp.Redis;
using WixUcp.Sandbox;
using WixUcp.SampleHost;
using WixUcp.Signatures;

// `keys create|list|revoke` and `webhooks dead-letters|replay` manage the durable stores instead of serving; their
// arguments are not configuration.
var command = args is ["keys" or "webhooks", ..] ? args[0] : null;
var builder = WebApplication.CreateBuilder(command is null ? args : []);

// JSON logs on stdout, one object per line with the request's id, tenant and platform; LOG_LEVEL (ERROR, WARN, INFO,
// DEBUG, or a .NET level name) sets the minimum level.
builder.Logging.ClearProviders();
builder.Logging.AddConsole(o => o.FormatterName = UcpJsonConsoleFormatter.Name)
    .AddConsoleFormatter<UcpJsonConsoleFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
if (UcpJsonConsoleFormatter.ParseLevel(builder.Configuration["LOG_LEVEL"]) is { } level)
{
    // The configured Logging:LogLevel:Default would win over SetMinimumLevel, so LOG_LEVEL replaces it.
    builder.Configuration["Logging:LogLevel:Default"] = level.ToString();
    builder.Logging.SetMinimumLevel(level);
}

// UCP_AUTH_ENABLED=false serves every call anonymously (the host warns at start-up).
if (builder.Configuration["UCP_AUTH_ENABLED"] is { Length: > 0 } authEnabled)
{
    builder.Configuration["WixUcp:Auth:Enabled"] = authEnabled;
}

// UCP_RATE_LIMIT_ENABLED=false turns the per-operation budgets off.
if (builder.Configuration["UCP_RATE_LIMIT_ENABLED"] is { Length: > 0 } rateLimitEnabled)
{
    builder.Configuration["WixUcp:RateLimits:Enabled"] = rateLimitEnabled;
}

// JWT bearer tokens are accepted once an issuer is configured (UCP_JWT_ISSUER, UCP_JWT_AUDIENCE and UCP_JWT_SECRET or UCP_JWT_JWKS_URL).
foreach (var (variable, setting) in new[] { ("UCP_JWT_ISSUER", "Issuer"), ("UCP_JWT_AUDIENCE", "Audience"), ("UCP_JWT_SECRET", "Secret"), ("UCP_JWT_JWKS_URL", "JwksUrl") })
{
    if (builder.Configuration[variable] is { Length: > 0 } value)
    {
        builder.Configuration["WixUcp:Auth:Jwt:" + setting] = value;
    }
}

builder.AddSampleTelemetry();

// The readiness gauge (wixucp_health_status) is refreshed from the health checks every 10 s, first after 1 s.
builder.Services.Configure<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckPublisherOptions>(o => (o.Delay, o.Period) = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)));

// On SIGTERM, requests in flight get this long to finish (WixUcp:Shutdown:DrainTimeout, default 30 s).
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = builder.Configuration.GetValue("WixUcp:Shutdown:DrainTimeout", TimeSpan.FromSeconds(30)));

var ucp = builder.Configuration.GetSection("WixUcp");
builder.Services.AddOptions<WixUcpOptions>().Bind(ucp);
builder.Services.AddOptions<EncryptionOptions>().Bind(ucp.GetSection("Encryption"));
builder.Services.AddOptions<SandboxOptions>()
    .Bind(ucp.GetSection("Sandbox"))
    .PostConfigure(o => o.DataDirectory = Path.GetFullPath(o.DataDirectory, builder.Environment.ContentRootPath));
var wixUcp = builder.Services.AddWixUcp().AddUcpAuthentication().AddUcpRateLimiting().AddUcpMcp();

// The store behind the protocol: the embedded sandbox unless WixUcp:Backend=Wix names a Wix site (WixUcp:Wix:*).
var backend = ucp["Backend"] ?? "Sandbox";
if (string.Equals(backend, "Wix", StringComparison.OrdinalIgnoreCase))
{
    wixUcp.AddWix();

    // Trials and tests only: the sandbox's test tokens "capture" outside Wix, so orders complete without a real PSP.
    if (builder.Configuration.GetValue("Sample:SandboxPaymentCapture", false))
    {
        if (builder.Environment.IsProduction() || !Uri.TryCreate(ucp["Wix:BaseUrl"], UriKind.Absolute, out var wixApi) || !wixApi.IsLoopback)
        {
            throw new InvalidOperationException(
                "Sample:SandboxPaymentCapture places orders without payment: it is only for a fake Wix on loopback (WixUcp:Wix:BaseUrl), never in Production.");
        }

        wixUcp.AddSandboxPaymentCapture();
    }
}
else if (string.Equals(backend, "Sandbox", StringComparison.OrdinalIgnoreCase))
{
    wixUcp.AddSandboxStore();
}
else
{
    throw new InvalidOperationException($"WixUcp:Backend must be Sandbox (the default) or Wix, not '{backend}'.");
}
if (!string.IsNullOrWhiteSpace(ucp["Auth:Jwt:Issuer"]))
{
    wixUcp.AddUcpJwtBearer();
}

// Shared state is switched on by configuration; without it everything stays in this process's memory.
var redisUrl = builder.Configuration["REDIS_URL"] ?? ucp["Redis:Url"];
if (!string.IsNullOrWhiteSpace(redisUrl))
{
    builder.Services.AddOptions<WixUcpRedisOptions>().Bind(ucp.GetSection("Redis"));
    wixUcp.AddRedis(o => o.Url = redisUrl);
}

var databaseUrl = builder.Configuration["DATABASE_URL"] ?? ucp["Postgres:ConnectionString"];
if (!string.IsNullOrWhiteSpace(databaseUrl))
{
    // The sample applies its migrations itself; production may run them from one place instead.
    builder.Services.AddOptions<WixUcpPostgresOptions>().Bind(ucp.GetSection("Postgres"));
    wixUcp.AddPostgres(o =>
    {
        o.ConnectionString = databaseUrl;
        o.MigrateOnStart = ucp.GetValue("Postgres:MigrateOnStart", true);
    });
}

var app = builder.Build();
if (command is not null)
{
    return command == "keys"
        ? await KeysCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error, CancellationToken.None)
        : await WebhooksCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error, CancellationToken.None);
}

// X-Forwarded-* only from the proxies listed in ForwardedHeaders:KnownProxies / KnownNetworks: first, so the client
// address budgets count and the host a request signature covers are the ones the client used.
app.UseTrustedForwardedHeaders();

// Then every answer (errors and 401s included) carries the request id and every log line its context.
app.UseUcpRequestContext();
app.UseUcpShutdownDrain();   // after SIGTERM: new requests 503 + Retry-After, in-flight ones finish
app.UseAuthentication();
app.UseRateLimiter();        // after authentication: platforms are counted as themselves, others by address
app.UseAuthorization();
app.MapWixUcp();
if (string.Equals(backend, "Wix", StringComparison.OrdinalIgnoreCase))
{
    app.MapWixWebhooks();   // POST /wix/webhooks: the app's webhook URL in the Wix dashboard
}

app.MapBuyerPages();   // the pages behind continue_url and the order permalink_url
app.MapSampleTelemetry();   // /metrics (Prometheus text), on the management port when one is set
app.MapUcpHealthChecks();   // /health/live, /health/ready, /health/status
app.MapUcpSimulation();     // /testing/simulate-* and PUT /ucp/orders/{id}, only with WixUcp:Simulation:Secret
if (app.Configuration.GetValue("Sample:ServeDemoPlatformProfile", false))
{
    app.MapDemoPlatformProfile();
}

app.Logger.LogStateStores(redisUrl, databaseUrl);
app.Logger.LogSigningKey(app.Services.GetRequiredService<UcpSigningKeys>());
await app.Logger.LogAuthenticationAsync(app.Services, durableKeys: !string.IsNullOrWhiteSpace(databaseUrl));
await app.RunAsync();
return 0;
