using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WixUcp.Catalog;
using WixUcp.Core.Tests.TestSupport;
using WixUcp.Tenancy;

namespace WixUcp.Core.Tests.Catalog;

public sealed class ProductReadCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Product_reads_ask_the_backend_once_per_tenant_and_window()
    {
        var backend = new CountingBackend(Sandboxes.SampleHost());
        using var services = new ServiceCollection().AddHybridCache().Services.BuildServiceProvider();
        var catalog = new CatalogService(backend, Options.Create(new WixUcpOptions()), services.GetRequiredService<HybridCache>());
        var other = new UcpTenant { Id = "other" };

        var first = await catalog.GetProductAsync(UcpTenant.Default, new ProductInput("tea_matcha", [], []), Ct);
        var second = await catalog.GetProductAsync(UcpTenant.Default, new ProductInput("tea_matcha", [], []), Ct);
        var lookup = await catalog.LookupAsync(UcpTenant.Default, ["tea_matcha"], Ct);
        await catalog.GetProductAsync(other, new ProductInput("tea_matcha", [], []), Ct);

        Assert.Equal(first!.Product.Title, second!.Product.Title);
        Assert.Equal("tea_matcha", Assert.Single(lookup.Products).Product.Id);
        // One read for the default tenant (the product detail and the lookup of the same id share it), one for the other.
        Assert.Equal(2, backend.Lookups);
    }

    private sealed class CountingBackend(ICatalogBackend inner) : ICatalogBackend
    {
        private int _lookups;

        public int Lookups => Volatile.Read(ref _lookups);

        public ValueTask<CatalogPage> SearchAsync(UcpTenant tenant, CatalogSearchQuery query, CancellationToken cancellationToken) =>
            inner.SearchAsync(tenant, query, cancellationToken);

        public ValueTask<IReadOnlyList<CatalogProduct>> LookupAsync(UcpTenant tenant, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _lookups);
            return inner.LookupAsync(tenant, ids, cancellationToken);
        }
    }
}
