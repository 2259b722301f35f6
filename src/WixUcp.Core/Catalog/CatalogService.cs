using System.Globalization;
using System.Text;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WixUcp.Diagnostics;
using WixUcp.Messages;
using WixUcp.Protocol;
using WixUcp.Tenancy;

namespace WixUcp.Catalog;

/// <summary>Catalog search, lookup and product detail over an <see cref="ICatalogBackend"/>.</summary>
internal sealed class CatalogService([FromKeyedServices(MeasuredCheckoutBackend.ServiceKey)] ICatalogBackend backend, IOptions<WixUcpOptions> options, HybridCache? cache = null)
{
    // Lookups and product details go through the read cache when there is one (always, once composed by AddWixUcp).
    private readonly ProductReadCache? _reads = cache is null ? null : new ProductReadCache(backend, cache);

    private const string CursorPrefix = "o:";

    public async ValueTask<CatalogSearchResult> SearchAsync(UcpTenant tenant, CatalogSearchInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrWhiteSpace(input.Text) && input.Categories.Count == 0 && input.MinPrice is null && input.MaxPrice is null)
        {
            throw new UcpRequestException("A search needs a query or at least one filter.", MessageTarget.Document);
        }

        var catalogOptions = options.Value.Catalog;
        var pageSize = input.Limit ?? catalogOptions.DefaultPageSize;
        if (pageSize < 1)
        {
            throw new UcpRequestException("pagination.limit must be at least 1.", MessageTarget.Of(MessageTargetKind.PaginationLimit));
        }

        pageSize = Math.Min(pageSize, catalogOptions.MaxPageSize);
        var offset = input.Cursor is null ? 0 : DecodeCursor(input.Cursor);
        var query = new CatalogSearchQuery
        {
            Text = string.IsNullOrWhiteSpace(input.Text) ? null : input.Text.Trim(),
            Categories = input.Categories,
            MinPrice = input.MinPrice,
            MaxPrice = input.MaxPrice,
            Offset = offset,
            Limit = pageSize,
        };
        var page = await backend.SearchAsync(tenant, query, cancellationToken).ConfigureAwait(false);
        var next = page.HasMore ? EncodeCursor(offset + page.Products.Count) : null;
        return new CatalogSearchResult(page.Products, next, page.TotalCount);
    }

    public async ValueTask<CatalogLookupResult> LookupAsync(UcpTenant tenant, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            throw new UcpRequestException("ids must hold at least one id.", MessageTarget.Of(MessageTargetKind.LookupIds));
        }

        if (distinct.Count > options.Value.Catalog.MaxLookupIds)
        {
            throw new UcpRequestException($"At most {options.Value.Catalog.MaxLookupIds} ids can be looked up at once.", MessageTarget.Of(MessageTargetKind.LookupIds), "request_too_large");
        }

        var products = await ReadAsync(tenant, distinct, cancellationToken).ConfigureAwait(false);
        var answered = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<LookupProduct>();
        foreach (var product in products.DistinctBy(p => p.Id))
        {
            var inputs = new Dictionary<string, List<LookupMatch>>(StringComparer.Ordinal);
            foreach (var id in distinct)
            {
                var exact = product.Variants.FirstOrDefault(v => v.Id == id || v.Sku == id);
                if (exact is not null)
                {
                    Add(inputs, exact.Id, new LookupMatch(id, "exact"));
                }
                else if (product.Id == id || product.Handle == id)
                {
                    Add(inputs, FeaturedVariant(product).Id, new LookupMatch(id, "featured"));
                }
            }

            if (inputs.Count == 0)
            {
                continue;
            }

            answered.UnionWith(inputs.Values.SelectMany(l => l).Select(m => m.InputId));

            // Only the variants that answer an input are returned; each must carry its inputs.
            var variants = product.Variants.Where(v => inputs.ContainsKey(v.Id)).ToList();
            results.Add(new LookupProduct(
                product with { Variants = variants },
                inputs.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<LookupMatch>)kv.Value, StringComparer.Ordinal)));
        }

        return new CatalogLookupResult(results, distinct.Where(id => !answered.Contains(id)).ToList());
    }

    public async ValueTask<ProductDetail?> GetProductAsync(UcpTenant tenant, ProductInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (id, selected, preferences) = (input.Id, input.Selected, input.Preferences);
        var products = await ReadAsync(tenant, [id], cancellationToken).ConfigureAwait(false);
        var product = products.FirstOrDefault(p => p.Id == id || p.Handle == id || p.Variants.Any(v => v.Id == id || v.Sku == id));
        if (product is null)
        {
            return null;
        }

        var requestedVariant = product.Variants.FirstOrDefault(v => v.Id == id || v.Sku == id);
        var selection = requestedVariant is not null && selected.Count == 0 ? requestedVariant.Options : selected;
        var (chosen, effective) = Relax(product, selection, preferences);
        var ordered = new List<CatalogVariant> { chosen };
        ordered.AddRange(product.Variants.Where(v => v.Id != chosen.Id));
        return new ProductDetail(product with { Variants = ordered }, effective, DescribeOptions(product, effective));
    }

    private ValueTask<IReadOnlyList<CatalogProduct>> ReadAsync(UcpTenant tenant, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        _reads?.LookupAsync(tenant, ids, cancellationToken) ?? backend.LookupAsync(tenant, ids, cancellationToken);

    private static void Add(Dictionary<string, List<LookupMatch>> inputs, string variantId, LookupMatch match)
    {
        if (!inputs.TryGetValue(variantId, out var list))
        {
            inputs[variantId] = list = [];
        }

        list.Add(match);
    }

    private static CatalogVariant FeaturedVariant(CatalogProduct product) =>
        product.Variants.FirstOrDefault(v => v.Available) ?? product.Variants[0];

    // Drops selections, least preferred first, until some variant matches all that remain.
    private static (CatalogVariant Variant, IReadOnlyList<CatalogOptionValue> Effective) Relax(
        CatalogProduct product, IReadOnlyList<CatalogOptionValue> selection, IReadOnlyList<string> preferences)
    {
        var remaining = selection
            .OrderBy(s => PreferenceRank(preferences, s.Name))
            .ToList();
        while (true)
        {
            var candidates = product.Variants.Where(v => remaining.All(s => HasOption(v, s))).ToList();
            if (candidates.Count > 0)
            {
                var variant = candidates.FirstOrDefault(v => v.Available) ?? candidates[0];
                return (variant, remaining.Count > 0 ? remaining : variant.Options);
            }

            remaining.RemoveAt(remaining.Count - 1);
        }
    }

    private static int PreferenceRank(IReadOnlyList<string> preferences, string name)
    {
        for (var i = 0; i < preferences.Count; i++)
        {
            if (string.Equals(preferences[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static bool HasOption(CatalogVariant variant, CatalogOptionValue option) =>
        variant.Options.Any(o => string.Equals(o.Name, option.Name, StringComparison.OrdinalIgnoreCase)
            && string.Equals(o.Label, option.Label, StringComparison.OrdinalIgnoreCase));

    private static List<ProductOptionDetail> DescribeOptions(CatalogProduct product, IReadOnlyList<CatalogOptionValue> selected)
    {
        var names = product.Variants.SelectMany(v => v.Options).Select(o => o.Name).Distinct(StringComparer.Ordinal).ToList();
        var result = new List<ProductOptionDetail>(names.Count);
        foreach (var name in names)
        {
            // A value "exists" if some variant has it together with the other selected options.
            var others = selected.Where(s => !string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
            var values = product.Variants
                .SelectMany(v => v.Options.Where(o => o.Name == name))
                .Select(o => o.Label)
                .Distinct(StringComparer.Ordinal)
                .Select(label =>
                {
                    var matching = product.Variants
                        .Where(v => HasOption(v, new CatalogOptionValue(name, label)) && others.All(s => HasOption(v, s)))
                        .ToList();
                    return new ProductOptionValueDetail(label, matching.Count > 0, matching.Any(v => v.Available));
                })
                .ToList();
            result.Add(new ProductOptionDetail(name, values));
        }

        return result;
    }

    private static string EncodeCursor(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(CursorPrefix + offset.ToString(CultureInfo.InvariantCulture)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static int DecodeCursor(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            if (text.StartsWith(CursorPrefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw new UcpRequestException("pagination.cursor is not a cursor this server issued.", MessageTarget.Of(MessageTargetKind.PaginationCursor));
    }
}
