using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Hybrid;
using WixUcp.Tenancy;

namespace WixUcp.Catalog;

/// <summary>
/// Product reads (lookups and product details) kept five minutes in <see cref="HybridCache"/>, shared by replicas when
/// Redis backs it: a remote catalog is asked once per product and window, at the price of availability up to five
/// minutes old (checkout quotes always ask the backend). Searches are not cached.
/// </summary>
internal sealed class ProductReadCache(ICatalogBackend backend, HybridCache cache)
{
    private static readonly HybridCacheEntryOptions Window = new() { Expiration = TimeSpan.FromMinutes(5), LocalCacheExpiration = TimeSpan.FromMinutes(5) };

    public async ValueTask<IReadOnlyList<CatalogProduct>> LookupAsync(UcpTenant tenant, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var sorted = ids.Order(StringComparer.Ordinal).ToList();
        var key = "products:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tenant.Id + "\n" + string.Join('\n', sorted))));
        var bytes = await cache.GetOrCreateAsync(
            key,
            (Backend: backend, Tenant: tenant, Ids: sorted),
            static async (state, ct) => JsonSerializer.SerializeToUtf8Bytes(
                (await state.Backend.LookupAsync(state.Tenant, state.Ids, ct).ConfigureAwait(false)).ToList(),
                ProductCacheJsonContext.Default.ListCatalogProduct),
            Window,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(bytes, ProductCacheJsonContext.Default.ListCatalogProduct) ?? [];
    }
}

/// <summary>Source-generated JSON of cached product reads.</summary>
[JsonSourceGenerationOptions(IgnoreReadOnlyProperties = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<CatalogProduct>))]
internal sealed partial class ProductCacheJsonContext : JsonSerializerContext;
