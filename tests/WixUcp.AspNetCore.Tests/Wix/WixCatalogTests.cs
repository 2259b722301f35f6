extern alias FakeWix;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WixUcp.Catalog;
using WixUcp.Commerce;
using FakeWix::WixUcp.FakeWix;
using WixUcp.Tenancy;
using WixUcp.Wix;

namespace WixUcp.AspNetCore.Tests.Wix;

/// <summary>The Wix client and catalog against the fake Wix server on loopback: both catalog dialects, tokens, faults.</summary>
public sealed class WixCatalogTests : IAsyncLifetime
{
    private FakeWixServer? _wix;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FakeWixServer Wix => _wix!;

    public async ValueTask InitializeAsync() => _wix = await FakeWixServer.StartAsync(ct: Ct);

    public async ValueTask DisposeAsync()
    {
        if (_wix is not null)
        {
            await _wix.DisposeAsync();
        }
    }

    private ServiceProvider Services(string instance = "fake-instance-1", Action<WixOptions>? configure = null) =>
        new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddWixUcp()
            .AddWix(o =>
            {
                o.BaseUrl = Wix.BaseUrl;
                o.AppId = FakeWixState.SeededAppId;
                o.AppSecret = FakeWixState.SeededAppSecret;
                o.InstanceId = instance;
                o.RequestTimeout = TimeSpan.FromSeconds(2);
                configure?.Invoke(o);
            })
            .Services.BuildServiceProvider();

    private static ICatalogBackend Catalog(ServiceProvider services) => services.GetRequiredService<ICatalogBackend>();

    [Fact]
    public async Task A_v3_site_maps_products_variants_prices_and_stock_and_hides_hidden_products()
    {
        await using var services = Services();
        var catalog = Catalog(services);
        Assert.IsType<WixCatalogBackend>(catalog);

        var all = await catalog.SearchAsync(UcpTenant.Default, new CatalogSearchQuery { Limit = 50 }, Ct);
        Assert.Equal(["prod-beans", "prod-mug", "prod-tote"], all.Products.Select(p => p.Id).Order());

        var mug = Assert.Single((await catalog.SearchAsync(UcpTenant.Default, new CatalogSearchQuery { Text = "mug" }, Ct)).Products);
        Assert.Equal(("Ceramic Mug", "ceramic-mug", "Stoneware mug, 350 ml."), (mug.Title, mug.Handle, mug.Description));
        Assert.Equal("https", mug.Url!.Scheme);
        Assert.Contains(mug.Media, m => m.Url.AbsoluteUri == "https://static.wixstatic.com/media/mug.jpg");
        var white = Assert.Single(mug.Variants, v => v.Id == "prod-mug:var-mug-white");
        var black = Assert.Single(mug.Variants, v => v.Id == "prod-mug:var-mug-black");
        Assert.Equal((1800L, 2200L, "USD", "MUG-W", true), (white.Price, white.ListPrice!.Value, white.Currency, white.Sku, white.Available));
        Assert.False(black.Available);
        Assert.Equal("out_of_stock", black.AvailabilityStatus);
        Assert.Equal([new CatalogOptionValue("Color", "White")], white.Options);
    }

    [Fact]
    public async Task Lookups_find_products_by_id_variant_id_sku_and_handle_and_ignore_the_unknown()
    {
        await using var services = Services();
        var found = await Catalog(services).LookupAsync(UcpTenant.Default, ["prod-mug:var-mug-black", "TOTE-1", "espresso-beans", "prod-hidden", "nothing-here"], Ct);

        Assert.Equal(["prod-beans", "prod-mug", "prod-tote"], found.Select(p => p.Id).Order());
        Assert.Equal(2450L, found.Single(p => p.Id == "prod-tote").Variants.Single().Price);

        // Only what can be a slug goes into a Wix path.
        Wix.State.ClearRequests();
        Assert.Empty(await Catalog(services).LookupAsync(UcpTenant.Default, ["..", "../../oauth2/token", "a/b"], Ct));
        Assert.DoesNotContain(Wix.State.Requests, r => r.Path.Contains("/slug", StringComparison.Ordinal) || !r.Path.StartsWith("/stores/v3/products/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_v1_site_in_yen_maps_numeric_prices_without_minor_units_and_its_variants()
    {
        await using var services = Services("fake-instance-2");
        var catalog = Catalog(services);

        var whisk = Assert.Single((await catalog.SearchAsync(UcpTenant.Default, new CatalogSearchQuery { Text = "Whisk" }, Ct)).Products);
        Assert.Equal(("v1-whisk", 2500L, "JPY"), (whisk.Id, whisk.Variants.Single().Price, whisk.Variants.Single().Currency));

        var bowl = Assert.Single(await catalog.LookupAsync(UcpTenant.Default, ["v1-bowl"], Ct));
        Assert.Equal(2, bowl.Variants.Count);
        Assert.All(bowl.Variants, v => Assert.Equal((4800L, "Glaze"), (v.Price, v.Options.Single().Name)));
        Assert.Equal(["Celadon", "Tenmoku"], bowl.Variants.Select(v => v.Options.Single().Label).Order());
        Assert.All(bowl.Variants, v => Assert.StartsWith("v1-bowl:", v.Id, StringComparison.Ordinal));

        // V3 endpoints are never called on a V1 site (Wix answers them 428).
        Assert.DoesNotContain(Wix.State.Requests, r => r.InstanceId == "fake-instance-2" && r.Path.StartsWith("/stores/v3/products", StringComparison.Ordinal));
        Assert.Single(Wix.State.Requests, r => r.InstanceId == "fake-instance-2" && r.Path == "/stores/v3/provision/version");
    }

    [Fact]
    public async Task Concurrent_first_calls_share_one_token_grant_and_an_expired_token_is_renewed_once()
    {
        await using var services = Services();
        var catalog = Catalog(services);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => catalog.SearchAsync(UcpTenant.Default, new CatalogSearchQuery { Text = "tote" }, Ct).AsTask()));
        Assert.Equal(1, Wix.State.TokenGrants);

        Wix.State.ExpireAllTokens();
        var page = await catalog.SearchAsync(UcpTenant.Default, new CatalogSearchQuery { Text = "tote" }, Ct);
        Assert.Single(page.Products);
        Assert.Equal(2, Wix.State.TokenGrants);
    }

    [Fact]
    public async Task Reads_are_retried_after_429_and_5xx_and_give_up_as_backend_unavailable()
    {
        await using var services = Services();
        var catalog = Catalog(services);
        await catalog.SearchAsync(UcpTenant.Default, new CatalogSearchQuery { Text = "mug" }, Ct);   // token and dialect known
        Wix.State.ClearRequests();

        Wix.State.AddFault(new FakeWixFault { PathPrefix = "/stores/v3/products/search", Kind = FakeWixFaultKind.RateLimit, RetryAfterSeconds = 1, Count = 1 });
        var started = DateTimeOffset.UtcNow;
        Assert.Single((await catalog.SearchAsync(UcpTenant.Default, new CatalogSearchQuery { Text = "mug" }, Ct)).Products);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(0.9), "Retry-After was honoured");
        Assert.Equal([429, 200], Wix.State.Requests.Where(r => r.Path == "/stores/v3/products/search").Select(r => r.StatusCode));

        Wix.State.AddFault(new FakeWixFault { PathPrefix = "/stores/v3/products/search", Kind = FakeWixFaultKind.Status, Status = 503, Count = 5 });
        var failure = await Assert.ThrowsAsync<CommerceBackendException>(() => catalog.SearchAsync(UcpTenant.Default, new CatalogSearchQuery { Text = "mug" }, Ct).AsTask());
        Assert.Contains("503", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, Wix.State.Requests.Count(r => r.Path == "/stores/v3/products/search" && r.StatusCode == 503));   // one call, two retries
        Wix.State.ClearFaults();
    }

    [Fact]
    public async Task A_wix_that_does_not_answer_is_backend_unavailable_within_the_timeouts()
    {
        await using var services = Services(configure: o => o.RequestTimeout = TimeSpan.FromMilliseconds(500));
        var catalog = Catalog(services);
        await catalog.SearchAsync(UcpTenant.Default, new CatalogSearchQuery { Text = "mug" }, Ct);
        Wix.State.AddFault(new FakeWixFault { PathPrefix = "/stores/v3/products/search", Kind = FakeWixFaultKind.Timeout, Count = 10 });

        var started = DateTimeOffset.UtcNow;
        await Assert.ThrowsAsync<CommerceBackendException>(() => catalog.SearchAsync(UcpTenant.Default, new CatalogSearchQuery { Text = "mug" }, Ct).AsTask());
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(10));
        Wix.State.ClearFaults();
    }

    [Fact]
    public async Task An_owners_api_key_reads_its_site_with_wix_site_id()
    {
        await using var services = Services(configure: o =>
        {
            (o.AppId, o.AppSecret, o.InstanceId) = (null, null, null);
            (o.ApiKey, o.SiteId) = (FakeWixState.SeededApiKey, "site-1");
        });

        var page = await Catalog(services).SearchAsync(UcpTenant.Default, new CatalogSearchQuery { Text = "beans" }, Ct);

        Assert.Equal("prod-beans", Assert.Single(page.Products).Id);
        Assert.Equal(0, Wix.State.TokenGrants);
        Assert.All(Wix.State.Requests.Where(r => r.Path.StartsWith("/stores", StringComparison.Ordinal)), r => Assert.Equal(FakeWixState.SeededApiKey, r.Authorization));
    }
}
