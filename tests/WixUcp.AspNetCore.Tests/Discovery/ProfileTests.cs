using System.Net;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.AspNetCore.Tests.Schemas;

namespace WixUcp.AspNetCore.Tests.Discovery;

public sealed class ProfileTests(UcpFixture fixture) : IClassFixture<UcpFixture>
{
    [Fact]
    public async Task Profile_validates_and_is_publicly_cacheable()
    {
        var response = await fixture.Client().GetAsync("/.well-known/ucp");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        SchemaAssert.ValidIn("2026-08-25", response.Text, UcpDocumentKind.BusinessProfile);

        var cacheControl = response.Message.Headers.CacheControl!;
        Assert.True(cacheControl.Public);
        Assert.True(cacheControl.MaxAge >= TimeSpan.FromSeconds(60));
        Assert.False(cacheControl.Private || cacheControl.NoStore || cacheControl.NoCache);

        // A validator: asking again with it answers 304 without the body; a changed one gets the profile.
        var etag = response.Message.Headers.ETag!;
        Assert.False(etag.IsWeak);
        var revalidate = fixture.App.CreateClient();
        revalidate.DefaultRequestHeaders.IfNoneMatch.Add(etag);
        using (var notModified = await revalidate.GetAsync(new Uri("/.well-known/ucp", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            Assert.Equal(etag, notModified.Headers.ETag);
        }

        var stale = fixture.App.CreateClient();
        stale.DefaultRequestHeaders.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"stale\""));
        using (var changed = await stale.GetAsync(new Uri("/.well-known/ucp", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        var ucp = response.Json["ucp"]!;
        Assert.Equal("2026-08-25", ucp["version"]!.GetValue<string>());
        Assert.All(ucp["capabilities"]!.AsObject(), c => Assert.Equal("2026-08-25", c.Value![0]!["version"]!.GetValue<string>()));
        var rest = ucp["services"]!["dev.ucp.shopping"]!.AsArray().Single(s => s!["transport"]!.GetValue<string>() == "rest")!;
        Assert.Equal("https://shop.test/ucp", rest["endpoint"]!.GetValue<string>());
        var capabilities = ucp["capabilities"]!.AsObject().Select(c => c.Key).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                "dev.ucp.shopping.checkout", "dev.ucp.shopping.fulfillment", "dev.ucp.shopping.discount", "dev.ucp.shopping.buyer_consent",
                "dev.ucp.shopping.order", "dev.ucp.shopping.catalog.search", "dev.ucp.shopping.catalog.lookup",
            },
            capabilities);
        Assert.Equal("dev.ucp.shopping.checkout", ucp["capabilities"]!["dev.ucp.shopping.fulfillment"]![0]!["extends"]!.GetValue<string>());
        Assert.NotEmpty(ucp["payment_handlers"]!.AsObject());

        // 2026-08-25 publishes keys; the same keys stay under signing_keys while 2026-04-08 platforms verify against it.
        Assert.NotEmpty(response.Json["keys"]!.AsArray());
        Assert.Equal(response.Json["keys"]!.ToJsonString(), response.Json["signing_keys"]!.ToJsonString());

        // The 2026-04-08 profile, complete for its version, at the URL supported_versions names.
        var leafUrl = new Uri(ucp["supported_versions"]!["2026-04-08"]!.GetValue<string>());
        Assert.Equal("https://shop.test/.well-known/ucp/2026-04-08", leafUrl.AbsoluteUri);
        var leaf = await fixture.Client().GetAsync(leafUrl.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, leaf.Status);
        SchemaAssert.Valid(leaf.Text, UcpDocumentKind.BusinessProfile);
        Assert.Equal("2026-04-08", leaf.Json["ucp"]!["version"]!.GetValue<string>());
        Assert.Null(leaf.Json["ucp"]!["supported_versions"]);
        Assert.Null(leaf.Json["keys"]);
        Assert.Equal(response.Json["keys"]!.ToJsonString(), leaf.Json["signing_keys"]!.ToJsonString());
    }

    [Fact]
    public async Task Profile_answers_200_even_with_protocol_headers()
    {
        var response = await fixture.Client().SendAsync(HttpMethod.Get, "/.well-known/ucp", null, Guid.NewGuid().ToString(), agentOverride: "garbage");
        Assert.Equal(HttpStatusCode.OK, response.Status);
    }
}
