using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace WixUcp.FakeWix;

/// <summary>
/// A faithful fake of the Wix REST APIs a Wix→UCP merchant server calls (OAuth client credentials, Stores Catalog V1
/// and V3, eCommerce checkouts, orders, payments and fulfillments), plus signed RS256 webhooks and fault injection,
/// served by Kestrel on loopback. Point the client's Wix base URL at <see cref="BaseUrl"/>.
/// </summary>
public sealed class FakeWixServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private FakeWixServer(WebApplication app, FakeWixState state, Uri baseUrl)
    {
        _app = app;
        State = state;
        BaseUrl = baseUrl;
    }

    /// <summary>The server's base URL, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Seeded data, tokens, checkouts, orders, faults, recorded requests and sent webhooks.</summary>
    public FakeWixState State { get; }

    /// <summary>Starts a fake on <c>http://127.0.0.1:0</c> (a free port).</summary>
    public static async Task<FakeWixServer> StartAsync(FakeWixOptions? options = null, CancellationToken ct = default)
    {
        var (app, state) = FakeWixApp.Build([], options ?? new FakeWixOptions(), loopbackAnyPort: true, quiet: true);
        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeWixServer(app, state, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Stops the server (hanging timeout-fault requests are released).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
