using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.AspNetCore.Tests.Schemas;

namespace WixUcp.AspNetCore.Tests.BuyerPages;

/// <summary>The sample host's pages behind <c>continue_url</c> and the order <c>permalink_url</c>.</summary>
public sealed class BuyerPagesTests(UcpFixture fixture) : IClassFixture<UcpFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_three_d_secure_escalation_is_finished_on_the_checkout_page_and_the_checkout_completes()
    {
        var client = fixture.Client();
        var ready = await Checkouts.ReadyAsync(client);
        var id = ready["id"]!.GetValue<string>();

        // The issuer asks for 3-D Secure: the platform hands the buyer continue_url.
        var escalated = (await Checkouts.CompleteAsync(client, id, Checkouts.Complete("3ds_token"))).Json;
        Assert.Equal("requires_escalation", escalated["status"]!.GetValue<string>());
        var continueUrl = new Uri(escalated["continue_url"]!.GetValue<string>());
        Assert.Equal($"https://shop.test/checkout/{id}", continueUrl.AbsoluteUri);

        using var browser = Browser();
        var page = await browser.GetAsync(continueUrl.AbsolutePath, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.True(page.Headers.CacheControl!.NoStore);
        Assert.Contains($"action=\"/checkout/{id}/confirm-payment\"", html, StringComparison.Ordinal);
        Assert.Contains("Sencha", html, StringComparison.Ordinal);

        var confirm = await browser.PostAsync($"/checkout/{id}/confirm-payment", content: null, Ct);
        Assert.Equal(HttpStatusCode.SeeOther, confirm.StatusCode);
        Assert.Equal($"/checkout/{id}", confirm.Headers.Location!.OriginalString);
        var confirmed = await browser.GetStringAsync(continueUrl.AbsolutePath, Ct);
        Assert.Contains("Payment confirmed", confirmed, StringComparison.Ordinal);
        Assert.DoesNotContain("confirm-payment", confirmed, StringComparison.Ordinal);

        // The platform completes again with the same credential: now the order is placed.
        var completed = (await Checkouts.CompleteAsync(client, id, Checkouts.Complete("3ds_token"))).Json;
        Assert.Equal("completed", completed["status"]!.GetValue<string>());
        var permalink = new Uri(completed["order"]!["permalink_url"]!.GetValue<string>());
        var orderId = completed["order"]!["id"]!.GetValue<string>();
        Assert.Equal($"https://shop.test/orders/{orderId}", permalink.AbsoluteUri);

        var orderPage = await browser.GetAsync(permalink.AbsolutePath, Ct);
        var orderHtml = await orderPage.Content.ReadAsStringAsync(Ct);
        Assert.Equal((HttpStatusCode.OK, "text/html"), (orderPage.StatusCode, orderPage.Content.Headers.ContentType!.MediaType));
        Assert.True(orderPage.Headers.CacheControl!.NoStore);
        Assert.Contains(completed["order"]!["label"]!.GetValue<string>(), orderHtml, StringComparison.Ordinal);
        Assert.Contains("processing", orderHtml, StringComparison.Ordinal);
        Assert.Contains("no shipment yet", orderHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_order_permalink_answers_the_UCP_order_to_platforms_under_the_same_rules()
    {
        var client = fixture.Client();
        var ready = await Checkouts.ReadyAsync(client);
        var completed = (await Checkouts.CompleteAsync(client, ready["id"]!.GetValue<string>(), Checkouts.Complete())).Json;
        var orderId = completed["order"]!["id"]!.GetValue<string>();

        var owner = await client.GetAsync($"/orders/{orderId}");
        var other = await fixture.Client("other-platform").GetAsync($"/orders/{orderId}");
        var anonymous = await fixture.App.CreateClient().GetAsync($"/orders/{orderId}", Ct);

        Assert.Equal(HttpStatusCode.OK, owner.Status);
        SchemaAssert.Valid(owner.Text, UcpDocumentKind.OrderResponse);
        Assert.Equal(orderId, owner.Json["id"]!.GetValue<string>());
        Assert.Equal("not_found", other.Json["messages"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, anonymous.StatusCode);
    }

    [Fact]
    public async Task Unknown_ids_get_a_page_saying_so()
    {
        using var browser = Browser();

        var checkout = await browser.GetAsync("/checkout/chk_unknown", Ct);
        var order = await browser.GetAsync("/orders/ord_unknown", Ct);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (checkout.StatusCode, order.StatusCode));
        Assert.Equal("text/html", checkout.Content.Headers.ContentType!.MediaType);
        Assert.True(order.Headers.CacheControl!.NoStore);
    }

    private HttpClient Browser()
    {
        var browser = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return browser;
    }
}
