using WixUcp.FakeWix.Auth;
using WixUcp.FakeWix.Catalog;
using WixUcp.FakeWix.Checkout;
using WixUcp.FakeWix.Faults;
using WixUcp.FakeWix.Infrastructure;
using WixUcp.FakeWix.Orders;
using WixUcp.FakeWix.Webhooks;

namespace WixUcp.FakeWix;

/// <summary>The one place the fake's web application is put together (used by <see cref="FakeWixServer"/> and Program).</summary>
internal static class FakeWixApp
{
    /// <param name="args">Command-line arguments (<c>--urls</c> and other host settings).</param>
    /// <param name="options">Behaviour.</param>
    /// <param name="loopbackAnyPort">Listen on <c>http://127.0.0.1:0</c> (in-process use) instead of the configured URLs.</param>
    /// <param name="quiet">Drop framework logging (in-process use).</param>
    public static (WebApplication App, FakeWixState State) Build(string[] args, FakeWixOptions options, bool loopbackAnyPort, bool quiet)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (loopbackAnyPort)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }

        if (quiet)
        {
            builder.Logging.ClearProviders();
        }

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var state = new FakeWixState(options);
        builder.Services.AddSingleton(state);

        var app = builder.Build();
        app.UseMiddleware<RequestLog>();
        app.UseMiddleware<FaultMiddleware>();
        app.UseMiddleware<AuthMiddleware>();

        AuthEndpoints.Map(app, state);
        CatalogV3Endpoints.Map(app, state);
        CatalogV1Endpoints.Map(app, state);
        CheckoutEndpoints.Map(app, state);
        OrderEndpoints.Map(app, state);
        PaymentEndpoints.Map(app, state);
        WebhookEndpoints.Map(app, state);
        FaultMiddleware.Map(app, state);
        app.MapFallback(() => Wire.Json(WixErrors.Application("no such route in the fake Wix", "NOT_FOUND"), 404));

        state.Stopping = app.Lifetime.ApplicationStopping;
        app.Lifetime.ApplicationStopped.Register(state.Shutdown);
        return (app, state);
    }
}
