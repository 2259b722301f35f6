using WixUcp;
using WixUcp.Sandbox;
using WixUcp.SampleHost;

var builder = WebApplication.CreateBuilder(args);

// JSON logs on stdout; LOG_LEVEL (Trace..Critical) sets the minimum level.
builder.Logging.ClearProviders();
builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
if (Enum.TryParse<LogLevel>(builder.Configuration["LOG_LEVEL"], ignoreCase: true, out var level))
{
    // The configured Logging:LogLevel:Default would win over SetMinimumLevel, so LOG_LEVEL replaces it.
    builder.Configuration["Logging:LogLevel:Default"] = level.ToString();
    builder.Logging.SetMinimumLevel(level);
}

var ucp = builder.Configuration.GetSection("WixUcp");
builder.Services.AddOptions<WixUcpOptions>().Bind(ucp);
builder.Services.AddOptions<SandboxOptions>()
    .Bind(ucp.GetSection("Sandbox"))
    .PostConfigure(o => o.DataDirectory = Path.GetFullPath(o.DataDirectory, builder.Environment.ContentRootPath));
builder.Services.AddWixUcp().AddSandboxStore();

var app = builder.Build();
app.MapWixUcp();
app.MapBuyerPages();   // the pages behind continue_url and the order permalink_url
if (app.Configuration.GetValue("Sample:ServeDemoPlatformProfile", false))
{
    app.MapDemoPlatformProfile();
}

app.Run();
