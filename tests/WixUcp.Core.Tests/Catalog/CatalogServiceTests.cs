using System.Text;
using Microsoft.Extensions.Options;
using WixUcp.Catalog;
using WixUcp.Core.Tests.TestSupport;
using WixUcp.Protocol;

using WixUcp.Tenancy;

namespace WixUcp.Core.Tests.Catalog;

/// <summary>
/// Catalog search and lookup over the sample host's dataset: tea_sencha 1200 (tea; green tea), tea_assam 1450 (tea; black tea),
/// tea_chamomile 950 (tea; herbal), tea_matcha 2800 (tea; green tea), pot_cast_iron 5400 (teaware), cup_porcelain 900 (teaware),
/// whisk_bamboo 1600 (teaware), tea_gift_box 3900 (tea; gifts; none in stock).
/// </summary>
public sealed class CatalogServiceTests
{
    private readonly WixUcpOptions _options = new();
    private readonly CatalogService _service;

    public CatalogServiceTests() => _service = new CatalogService(Sandboxes.SampleHost(), Options.Create(_options));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // --- search ---

    [Fact]
    public async Task Text_search_matches_titles_and_descriptions()
    {
        var matcha = await _service.SearchAsync(UcpTenant.Default, new CatalogSearchInput { Text = "matcha" }, Ct);
        var greenTea = await _service.SearchAsync(UcpTenant.Default, new CatalogSearchInput { Text = "  Green TEA " }, Ct);

        // "matcha" is in the titles of Ceremonial Matcha and Bamboo Matcha Whisk only.
        Assert.Equal(["tea_matcha", "whisk_bamboo"], Ids(matcha));
        Assert.Equal(2, matcha.TotalCount);
        Assert.Null(matcha.NextCursor);
        // Both words: Sencha has them in its title (ranked first), Matcha in its description and category.
        Assert.Equal(["tea_sencha", "tea_matcha"], Ids(greenTea));
    }

    [Fact]
    public async Task Text_that_matches_nothing_is_an_empty_page()
    {
        var result = await _service.SearchAsync(UcpTenant.Default, new CatalogSearchInput { Text = "espresso" }, Ct);

        Assert.Empty(result.Products);
        Assert.Equal(0, result.TotalCount);
        Assert.Null(result.NextCursor);
    }

    [Fact]
    public async Task Categories_are_alternatives()
    {
        var result = await _service.SearchAsync(UcpTenant.Default, new CatalogSearchInput { Categories = ["herbal", "TEAWARE"] }, Ct);

        Assert.Equal(["tea_chamomile", "pot_cast_iron", "cup_porcelain", "whisk_bamboo"], Ids(result));
    }

    [Fact]
    public async Task Price_filter_bounds_are_inclusive()
    {
        var range = await _service.SearchAsync(UcpTenant.Default, new CatalogSearchInput { MinPrice = 1200, MaxPrice = 1600 }, Ct);
        var cheap = await _service.SearchAsync(UcpTenant.Default, new CatalogSearchInput { MaxPrice = 950 }, Ct);
        var dear = await _service.SearchAsync(UcpTenant.Default, new CatalogSearchInput { MinPrice = 3900 }, Ct);

        Assert.Equal(["tea_sencha", "tea_assam", "whisk_bamboo"], Ids(range));
        Assert.Equal(["tea_chamomile", "cup_porcelain"], Ids(cheap));
        Assert.Equal(["pot_cast_iron", "tea_gift_box"], Ids(dear));
    }

    [Fact]
    public async Task Filters_combine()
    {
        var result = await _service.SearchAsync(UcpTenant.Default, new CatalogSearchInput { Text = "tea", Categories = ["green tea"], MaxPrice = 2000 }, Ct);

        Assert.Equal(["tea_sencha"], Ids(result));
    }

    [Fact]
    public async Task Search_result_carries_variants_with_price_and_availability()
    {
        var result = await _service.SearchAsync(UcpTenant.Default, new CatalogSearchInput { Categories = ["gifts"] }, Ct);

        var product = Assert.Single(result.Products);
        var variant = Assert.Single(product.Variants);
        Assert.Equal(("tea_gift_box", 3900L, "USD"), (variant.Id, variant.Price, variant.Currency));
        // inventory.csv: tea_gift_box 0.
        Assert.False(variant.Available);
        Assert.Equal(new Uri("https://images.example.com/tea/gift.jpg"), Assert.Single(product.Media).Url);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Search_without_text_or_filter_is_a_bad_request(string? text)
    {
        var error = await Assert.ThrowsAsync<UcpRequestException>(async () => await _service.SearchAsync(UcpTenant.Default, new CatalogSearchInput { Text = text }, Ct));

        Assert.Equal("invalid_request", error.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task Limit_below_one_is_a_bad_request(int limit)
    {
        var error = await Assert.ThrowsAsync<UcpRequestException>(async () => await _service.SearchAsync(UcpTenant.Default, new CatalogSearchInput { Text = "tea", Limit = limit }, Ct));

        Assert.Equal("$.pagination.limit", error.Path);
    }

    [Fact]
    public async Task Limit_above_the_maximum_is_clamped()
    {
        _options.Catalog.MaxPageSize = 3;

        var result = await _service.SearchAsync(UcpTenant.Default, new CatalogSearchInput { MinPrice = 0, Limit = 100 }, Ct);

        Assert.Equal(3, result.Products.Count);
        Assert.NotNull(result.NextCursor);
    }

    [Fact]
    public async Task Pagination_walks_every_page_without_duplicates()
    {
        var seen = new List<string>();
        var pages = new List<int>();
        string? cursor = null;
        CatalogSearchResult page;
        do
        {
            page = await _service.SearchAsync(UcpTenant.Default, new CatalogSearchInput { Categories = ["tea"], Limit = 2, Cursor = cursor }, Ct);
            seen.AddRange(Ids(page));
            pages.Add(page.Products.Count);
            Assert.Equal(5, page.TotalCount);
            cursor = page.NextCursor;
            Assert.True(pages.Count <= 5, "pagination did not end");
        }
        while (cursor is not null);

        // Five "tea" products in pages of two: 2 + 2 + 1, and the last page has no cursor.
        Assert.Equal([2, 2, 1], pages);
        Assert.Null(page.NextCursor);
        Assert.Equal(["tea_sencha", "tea_assam", "tea_chamomile", "tea_matcha", "tea_gift_box"], seen);
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("eHl6")]
    [InlineData("")]
    public async Task Cursor_not_issued_by_the_server_is_a_bad_request(string cursor)
    {
        var error = await Assert.ThrowsAsync<UcpRequestException>(
            async () => await _service.SearchAsync(UcpTenant.Default, new CatalogSearchInput { Categories = ["tea"], Limit = 2, Cursor = cursor }, Ct));

        Assert.Equal("$.pagination.cursor", error.Path);
    }

    [Fact]
    public async Task Tampered_cursor_is_a_bad_request()
    {
        var first = await _service.SearchAsync(UcpTenant.Default, new CatalogSearchInput { Categories = ["tea"], Limit = 2 }, Ct);
        var issued = Assert.IsType<string>(first.NextCursor);
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(Pad(issued)));
        var negative = Base64Url(decoded.Replace(decoded[^1..], "-1", StringComparison.Ordinal));
        var otherPrefix = Base64Url("x" + decoded[1..]);
        var truncated = issued[..^1];

        foreach (var cursor in new[] { negative, otherPrefix, truncated, issued + "A" })
        {
            var error = await Assert.ThrowsAsync<UcpRequestException>(
                async () => await _service.SearchAsync(UcpTenant.Default, new CatalogSearchInput { Categories = ["tea"], Limit = 2, Cursor = cursor }, Ct));
            Assert.Equal("$.pagination.cursor", error.Path);
        }
    }

    // --- lookup ---

    [Fact]
    public async Task Lookup_dedupes_ids_matches_variants_exactly_and_reports_unknown_ids()
    {
        var result = await _service.LookupAsync(UcpTenant.Default, ["tea_sencha", "nope", "cup_porcelain", "tea_sencha"], Ct);

        Assert.Equal(["tea_sencha", "cup_porcelain"], result.Products.Select(p => p.Product.Id));
        var sencha = result.Products[0];
        var match = Assert.Single(Assert.Single(sencha.InputsByVariant, kv => kv.Key == "tea_sencha").Value);
        Assert.Equal(("tea_sencha", "exact"), (match.InputId, match.Match));
        Assert.Equal(["tea_sencha"], sencha.Product.Variants.Select(v => v.Id));
        Assert.Equal(["nope"], result.NotFoundIds);
    }

    [Fact]
    public async Task Lookup_of_only_unknown_ids_finds_nothing()
    {
        var result = await _service.LookupAsync(UcpTenant.Default, ["nope", "also_nope"], Ct);

        Assert.Empty(result.Products);
        Assert.Equal(["nope", "also_nope"], result.NotFoundIds);
    }

    [Fact]
    public async Task Lookup_of_more_ids_than_allowed_is_too_large()
    {
        _options.Catalog.MaxLookupIds = 3;

        var error = await Assert.ThrowsAsync<UcpRequestException>(async () => await _service.LookupAsync(UcpTenant.Default, ["a", "b", "c", "d"], Ct));
        var deduped = await _service.LookupAsync(UcpTenant.Default, ["tea_sencha", "tea_sencha", "tea_assam", "tea_matcha"], Ct);

        Assert.Equal(("request_too_large", "$.ids"), (error.Code, error.Path));
        // Four ids but three distinct: within the limit.
        Assert.Equal(3, deduped.Products.Count);
    }

    [Fact]
    public async Task Lookup_without_ids_is_a_bad_request()
    {
        var error = await Assert.ThrowsAsync<UcpRequestException>(async () => await _service.LookupAsync(UcpTenant.Default, [], Ct));

        Assert.Equal("$.ids", error.Path);
    }

    // --- product detail ---

    [Fact]
    public async Task Unknown_product_has_no_detail()
    {
        var detail = await _service.GetProductAsync(UcpTenant.Default, new ProductInput("no_such_product", [], []), Ct);

        Assert.Null(detail);
    }

    [Fact]
    public async Task Known_product_detail_puts_its_variant_first()
    {
        var detail = await _service.GetProductAsync(UcpTenant.Default, new ProductInput("tea_assam", [], []), Ct);

        Assert.NotNull(detail);
        Assert.Equal("tea_assam", detail.Product.Id);
        Assert.Equal(1450, detail.Product.Variants[0].Price);
    }

    private static List<string> Ids(CatalogSearchResult result) => result.Products.Select(p => p.Id).ToList();

    private static string Pad(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text + new string('=', (4 - (text.Length % 4)) % 4);
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
