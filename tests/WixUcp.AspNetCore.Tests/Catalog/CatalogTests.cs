using System.Net;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.AspNetCore.Tests.Schemas;

namespace WixUcp.AspNetCore.Tests.Catalog;

public sealed class CatalogTests(UcpFixture fixture) : IClassFixture<UcpFixture>
{
    private async Task<UcpResponse> PostAsync(string path, string body, UcpDocumentKind request, UcpDocumentKind response)
    {
        SchemaAssert.Valid(body, request);
        var result = await fixture.Client().PostAsync(path, body, idempotencyKey: null);
        Assert.True(result.Status == HttpStatusCode.OK, result.Text);
        SchemaAssert.Valid(result.Text, response);
        return result;
    }

    [Fact]
    public async Task Search_finds_by_text_and_filters()
    {
        var byText = (await PostAsync("/ucp/catalog/search", """{"query":"matcha"}""", UcpDocumentKind.CatalogSearchRequest, UcpDocumentKind.CatalogSearchResponse)).Json;
        Assert.Equal(["tea_matcha", "whisk_bamboo"], byText["products"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).Order());
        Assert.Equal(["dev.ucp.shopping.catalog.search"], byText["ucp"]!["capabilities"]!.AsObject().Select(c => c.Key));

        var filtered = (await PostAsync("/ucp/catalog/search", """{"filters":{"categories":["teaware"],"price":{"max":1600}}}""", UcpDocumentKind.CatalogSearchRequest, UcpDocumentKind.CatalogSearchResponse)).Json;
        Assert.Equal(["cup_porcelain", "whisk_bamboo"], filtered["products"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).Order());

        var none = (await PostAsync("/ucp/catalog/search", """{"query":"coffee"}""", UcpDocumentKind.CatalogSearchRequest, UcpDocumentKind.CatalogSearchResponse)).Json;
        Assert.Empty(none["products"]!.AsArray());
        Assert.False(none["pagination"]!["has_next_page"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Search_pages_through_every_result_once()
    {
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var body = cursor is null ? """{"query":"tea","pagination":{"limit":2}}""" : $$$"""{"query":"tea","pagination":{"limit":2,"cursor":"{{{cursor}}}"}}""";
            var page = (await PostAsync("/ucp/catalog/search", body, UcpDocumentKind.CatalogSearchRequest, UcpDocumentKind.CatalogSearchResponse)).Json;
            Assert.True(page["products"]!.AsArray().Count <= 2);
            seen.AddRange(page["products"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
            cursor = page["pagination"]!["has_next_page"]!.GetValue<bool>() ? page["pagination"]!["cursor"]!.GetValue<string>() : null;
            pages++;
        }
        while (cursor is not null && pages < 20);

        Assert.Equal(seen.Count, seen.Distinct().Count());

        // Every product mentions tea in its title, description or category.
        Assert.Equal(8, seen.Count);
    }

    [Fact]
    public async Task Lookup_correlates_inputs_and_skips_unknown_ids()
    {
        var result = (await PostAsync("/ucp/catalog/lookup", """{"ids":["tea_assam","tea_assam","cup_porcelain","nope"]}""", UcpDocumentKind.CatalogLookupRequest, UcpDocumentKind.CatalogLookupResponse)).Json;
        var products = result["products"]!.AsArray();
        Assert.Equal(2, products.Count);
        var assam = products.Single(p => p!["id"]!.GetValue<string>() == "tea_assam")!;
        Assert.Equal("exact", assam["variants"]![0]!["inputs"]![0]!["match"]!.GetValue<string>());
        Assert.Contains(result["messages"]!.AsArray(), m => m!["code"]!.GetValue<string>() == "not_found");
        Assert.Equal(["dev.ucp.shopping.catalog.lookup"], result["ucp"]!["capabilities"]!.AsObject().Select(c => c.Key));
    }

    [Fact]
    public async Task Get_product_returns_a_detail_product_or_an_error_response()
    {
        var found = (await PostAsync("/ucp/catalog/product", """{"id":"pot_cast_iron"}""", UcpDocumentKind.CatalogGetProductRequest, UcpDocumentKind.CatalogGetProductResponse)).Json;
        Assert.Equal(5400, found["product"]!["variants"]![0]!["price"]!["amount"]!.GetValue<long>());

        var missing = (await PostAsync("/ucp/catalog/product", """{"id":"nope"}""", UcpDocumentKind.CatalogGetProductRequest, UcpDocumentKind.CatalogGetProductResponse)).Json;
        Assert.Equal("not_found", missing["messages"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sold_out_products_are_listed_as_unavailable()
    {
        var result = (await PostAsync("/ucp/catalog/lookup", """{"ids":["tea_gift_box"]}""", UcpDocumentKind.CatalogLookupRequest, UcpDocumentKind.CatalogLookupResponse)).Json;
        Assert.False(result["products"]![0]!["variants"]![0]!["availability"]!["available"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("/ucp/catalog/search", "{}", "invalid_request")]
    [InlineData("/ucp/catalog/search", """{"query":"tea","pagination":{"cursor":"bogus"}}""", "invalid_request")]
    [InlineData("/ucp/catalog/search", """{"query":"tea","pagination":{"limit":0}}""", "invalid_request")]
    [InlineData("/ucp/catalog/search", """{"filters":{"price":{"min":-1}}}""", "invalid_request")]
    [InlineData("/ucp/catalog/lookup", """{"ids":[]}""", "invalid_request")]
    [InlineData("/ucp/catalog/lookup", "{}", "invalid_request")]
    [InlineData("/ucp/catalog/product", """{"id":7}""", "invalid_request")]
    public async Task Bad_catalog_requests_are_400(string path, string body, string code)
    {
        var response = await fixture.Client().PostAsync(path, body, idempotencyKey: null);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(code, response.Json["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Oversized_lookups_are_request_too_large()
    {
        var ids = string.Join(",", Enumerable.Range(0, 51).Select(i => $"\"id{i}\""));
        var response = await fixture.Client().PostAsync("/ucp/catalog/lookup", $$"""{"ids":[{{ids}}]}""", idempotencyKey: null);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("request_too_large", response.Json["code"]!.GetValue<string>());
    }
}
