using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using WixUcp.Checkout;
using WixUcp.Commerce;
using WixUcp.Operations;
using WixUcp.Orders;
using Microsoft.AspNetCore.Mvc;
using WixUcp.Sandbox;
using WixUcp.Tenancy;

namespace WixUcp.SampleHost;

/// <summary>
/// The buyer-facing pages behind the URLs the server hands out: <c>continue_url</c> (<c>/checkout/{id}</c>) and the
/// order <c>permalink_url</c> (<c>/orders/{id}</c>). Plain server-rendered HTML, no scripts. A checkout or order id is
/// unguessable and is the buyer's key to the page; pages show only what the buyer entered or bought, and are never cached.
/// </summary>
internal static class BuyerPages
{
    public static IEndpointRouteBuilder MapBuyerPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/checkout/{id}", CheckoutPageAsync);
        endpoints.MapPost("/checkout/{id}/confirm-payment", ConfirmPaymentAsync);
        endpoints.MapGet("/orders/{id}", OrderAsync);
        return endpoints;
    }

    private static async Task<IResult> CheckoutPageAsync(HttpContext http, string id, ICheckoutSessionStore sessions, [FromServices] SandboxPaymentChallenges? challenges)
    {
        var tenant = await TenantAsync(http);
        var session = await sessions.GetAsync(tenant.Id, id, http.RequestAborted);
        if (session is null)
        {
            return Page(http, "Checkout not found", "<p>This checkout does not exist or is no longer available.</p>", StatusCodes.Status404NotFound);
        }

        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<p>Status: <strong>{Encode(StatusText(session))}</strong></p>");
        AppendLines(body, session.Currency, session.Lines.Select(l => (l.Title, l.Quantity, l.UnitPrice * l.Quantity)));
        AppendTotals(body, session.Currency, session.Totals);
        if (session.Status == CheckoutStatus.RequiresEscalation && challenges?.IsPending(tenant.Id, session.Id) == true)
        {
            body.Append("<h2>Confirm your payment</h2><p>Your card issuer asks you to confirm this payment (3-D Secure).</p>");
            body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/checkout/{Encode(Uri.EscapeDataString(session.Id))}/confirm-payment\"><button type=\"submit\">Confirm payment</button></form>");
        }
        else if (session.Status == CheckoutStatus.RequiresEscalation)
        {
            body.Append("<p>Payment confirmed. Return to the assistant you are shopping with to place the order.</p>");
        }
        else if (session.Order is { } order)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>Order {Encode(order.Label ?? order.Id)} was placed. <a href=\"{Encode(order.PermalinkUrl.AbsoluteUri)}\">View the order</a>.</p>");
        }

        return Page(http, "Your checkout", body.ToString());
    }

    // The sandbox's 3-D Secure stand-in; other backends confirm payments on their own pages.
    private static async Task<IResult> ConfirmPaymentAsync(HttpContext http, string id, [FromServices] SandboxPaymentChallenges? challenges)
    {
        if (challenges is null)
        {
            return Results.NotFound();
        }

        var tenant = await TenantAsync(http);
        challenges.Confirm(tenant.Id, id);

        // Post/redirect/get (303 See Other): the page shows the outcome either way and a reload does not post again.
        http.Response.Headers.Location = "/checkout/" + Uri.EscapeDataString(id);
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    // Browsers get the order page; other clients get the UCP order document, under the same rules as /ucp/orders/{id}
    // (older platforms read orders at this root path).
    private static async Task OrderAsync(HttpContext http, string id, UcpOperations operations, IOrderStore orders, IOptions<WixUcpOptions> options)
    {
        var call = new UcpCall
        {
            BaseUrl = options.Value.PublicBaseUrl ?? new Uri($"{http.Request.Scheme}://{http.Request.Host.ToUriComponent()}/"),
            UcpAgent = http.Request.Headers["UCP-Agent"].ToString(),
            Caller = http.User,
        };
        if (!WantsHtml(http.Request))
        {
            http.Response.Headers.CacheControl = "no-store";
            await http.WriteUcpOutcomeAsync(await operations.GetOrderAsync(call, id, http.RequestAborted));
            return;
        }

        var tenant = await TenantAsync(http);
        var order = await orders.GetAsync(tenant.Id, id, http.RequestAborted);
        if (order is null)
        {
            await Page(http, "Order not found", "<p>This order does not exist.</p>", StatusCodes.Status404NotFound).ExecuteAsync(http);
            return;
        }

        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<p>Order <strong>{Encode(order.Label ?? order.Id)}</strong>, placed {order.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}.</p>");
        body.Append("<table><tr><th>Item</th><th>Quantity</th><th>Status</th></tr>");
        foreach (var line in order.Lines)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(line.Title)}</td><td>{line.Quantity}</td><td>{Encode(line.Status.ToString().ToLowerInvariant())}</td></tr>");
        }

        body.Append("</table>");
        AppendTotals(body, order.Currency, order.Totals);
        body.Append("<h2>Delivery</h2>");
        if (order.Events.Count == 0)
        {
            body.Append("<p>Preparing your order; no shipment yet.</p>");
        }
        else
        {
            body.Append("<ul>");
            foreach (var e in order.Events)
            {
                var tracking = e.TrackingUrl is { } url ? $" <a href=\"{Encode(url.AbsoluteUri)}\">{Encode(e.TrackingNumber ?? "tracking")}</a>" : "";
                body.Append(CultureInfo.InvariantCulture, $"<li>{e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {Encode(e.Type)}{tracking}</li>");
            }

            body.Append("</ul>");
        }

        await Page(http, "Your order", body.ToString()).ExecuteAsync(http);
    }

    private static ValueTask<UcpTenant> TenantAsync(HttpContext http) =>
        http.RequestServices.GetRequiredService<ITenantResolver>()
            .ResolveAsync(new UcpCall { BaseUrl = new Uri($"{http.Request.Scheme}://{http.Request.Host.ToUriComponent()}/"), Caller = http.User }, http.RequestAborted);

    private static bool WantsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private static string StatusText(CheckoutSession session) => session.Status switch
    {
        CheckoutStatus.Incomplete => "waiting for details",
        CheckoutStatus.RequiresEscalation => "needs your action",
        CheckoutStatus.ReadyForComplete => "ready to place",
        CheckoutStatus.CompleteInProgress => "placing the order",
        CheckoutStatus.Completed => "completed",
        _ => "canceled",
    };

    private static void AppendLines(StringBuilder body, string currency, IEnumerable<(string Title, int Quantity, long Amount)> lines)
    {
        body.Append("<table><tr><th>Item</th><th>Quantity</th><th>Amount</th></tr>");
        foreach (var (title, quantity, amount) in lines)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(title)}</td><td>{quantity}</td><td>{Money(amount, currency)}</td></tr>");
        }

        body.Append("</table>");
    }

    private static void AppendTotals(StringBuilder body, string currency, IReadOnlyList<Total> totals)
    {
        body.Append("<table>");
        foreach (var total in totals)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(total.DisplayText ?? total.Type)}</td><td>{Money(total.Amount, currency)}</td></tr>");
        }

        body.Append("</table>");
    }

    // The sample's currencies have two decimals; a store with others would format by the currency's own exponent.
    private static string Money(long minorUnits, string currency) =>
        Encode((minorUnits / 100m).ToString("0.00", CultureInfo.InvariantCulture) + " " + currency);

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static IResult Page(HttpContext http, string title, string body, int status = StatusCodes.Status200OK)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(title)}</title>
            <style>body{"{"}font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem{"}"}td,th{"{"}padding:.2rem .6rem;text-align:left{"}"}</style>
            </head><body><h1>{Encode(title)}</h1>
            {body}
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
