using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using WixUcp.AspNetCore.Http;
using WixUcp.Catalog;
using WixUcp.Checkout;
using WixUcp.Codec;
using WixUcp.Commerce;
using WixUcp.Messages;
using WixUcp.Negotiation;
using WixUcp.Orders;

namespace WixUcp.AspNetCore.Routing;

/// <summary>
/// The REST binding of the shopping service. Each handler negotiates, decodes with the version's codec, calls the
/// domain service and encodes the outcome; nothing below this layer sees HTTP.
/// </summary>
internal sealed class ShoppingEndpoints(
    UcpNegotiator negotiator,
    CheckoutService checkouts,
    CatalogService catalog,
    OrderService orders,
    ICheckoutBackend backend,
    IOptions<WixUcpOptions> options)
{
    public Task<IResult> CreateCheckoutAsync(HttpContext http) =>
        CheckoutAsync(http, UcpOperation.Checkout, async (codec, body, context, ct) =>
            await checkouts.CreateAsync(codec.ReadCheckoutCreate(body.Span), context, ct).ConfigureAwait(false));

    public Task<IResult> GetCheckoutAsync(HttpContext http, string id) =>
        CheckoutAsync(http, UcpOperation.Checkout, async (_, _, context, ct) =>
            await checkouts.GetAsync(id, context, ct).ConfigureAwait(false), readBody: false);

    public Task<IResult> UpdateCheckoutAsync(HttpContext http, string id) =>
        CheckoutAsync(http, UcpOperation.Checkout, async (codec, body, context, ct) =>
            await checkouts.UpdateAsync(id, codec.ReadCheckoutUpdate(body.Span), context, ct).ConfigureAwait(false));

    public Task<IResult> CompleteCheckoutAsync(HttpContext http, string id) =>
        CheckoutAsync(http, UcpOperation.Checkout, async (codec, body, context, ct) =>
            await checkouts.CompleteAsync(id, codec.ReadCheckoutComplete(body.Span), context, ct).ConfigureAwait(false));

    // Cancel carries no body ({} is tolerated), so none is read.
    public Task<IResult> CancelCheckoutAsync(HttpContext http, string id) =>
        CheckoutAsync(http, UcpOperation.Checkout, async (_, _, context, ct) =>
            await checkouts.CancelAsync(id, context, ct).ConfigureAwait(false), readBody: false);

    public async Task<IResult> GetOrderAsync(HttpContext http, string id)
    {
        var (negotiation, codec, refusal) = await NegotiateAsync(http, UcpOperation.Order).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var order = await orders.GetAsync(id, negotiation.Platform.Url, http.RequestAborted).ConfigureAwait(false);
        return order is null
            ? Outcome(codec.WriteErrorResponse([UcpMessage.Error(MessageCodes.NotFound, $"Order {id} was not found.", MessageSeverity.Unrecoverable)], Storefront(http)))
            : Outcome(codec.WriteOrder(order, negotiation));
    }

    public Task<IResult> SearchCatalogAsync(HttpContext http) =>
        CatalogAsync(http, UcpOperation.CatalogSearch, async (codec, body, negotiation, ct) =>
            codec.WriteCatalogSearch(await catalog.SearchAsync(codec.ReadCatalogSearch(body.Span), ct).ConfigureAwait(false), negotiation));

    public Task<IResult> LookupCatalogAsync(HttpContext http) =>
        CatalogAsync(http, UcpOperation.CatalogLookup, async (codec, body, negotiation, ct) =>
            codec.WriteCatalogLookup(await catalog.LookupAsync(codec.ReadCatalogLookup(body.Span), ct).ConfigureAwait(false), negotiation));

    public Task<IResult> GetProductAsync(HttpContext http) =>
        CatalogAsync(http, UcpOperation.CatalogLookup, async (codec, body, negotiation, ct) =>
        {
            var input = codec.ReadGetProduct(body.Span);
            var detail = await catalog.GetProductAsync(input, ct).ConfigureAwait(false);
            return detail is null
                ? codec.WriteErrorResponse([UcpMessage.Error(MessageCodes.NotFound, $"Product {input.Id} was not found.", MessageSeverity.Unrecoverable, "$.id")], Storefront(http))
                : codec.WriteProduct(detail, negotiation);
        });

    private async Task<IResult> CheckoutAsync(
        HttpContext http,
        UcpOperation operation,
        Func<IUcpCodec, ReadOnlyMemory<byte>, CheckoutRequestContext, CancellationToken, Task<CheckoutResult>> run,
        bool readBody = true)
    {
        var (negotiation, codec, refusal) = await NegotiateAsync(http, operation).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var body = readBody ? await ReadJsonAsync(http).ConfigureAwait(false) : ReadOnlyMemory<byte>.Empty;
        var context = new CheckoutRequestContext(UcpHttpContext.BaseUrl(http), negotiation);
        var result = await run(codec, body, context, http.RequestAborted).ConfigureAwait(false);
        return result.Kind switch
        {
            CheckoutResultKind.Created => new UcpJsonResult(StatusCodes.Status201Created, codec.WriteCheckout(result.Session!, negotiation, backend.PaymentHandlers, Links())),
            CheckoutResultKind.Ok => Outcome(codec.WriteCheckout(result.Session!, negotiation, backend.PaymentHandlers, Links())),
            CheckoutResultKind.Conflict => ProtocolError.Create(StatusCodes.Status409Conflict, result.Code!, result.Messages[0].Content),
            _ => Outcome(codec.WriteErrorResponse(result.Messages, Storefront(http))),
        };
    }

    private async Task<IResult> CatalogAsync(
        HttpContext http, UcpOperation operation, Func<IUcpCodec, ReadOnlyMemory<byte>, NegotiationResult, CancellationToken, Task<byte[]>> run)
    {
        var (negotiation, codec, refusal) = await NegotiateAsync(http, operation).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var body = await ReadJsonAsync(http).ConfigureAwait(false);
        return Outcome(await run(codec, body, negotiation, http.RequestAborted).ConfigureAwait(false));
    }

    private async Task<(NegotiationResult Negotiation, IUcpCodec Codec, IResult? Refusal)> NegotiateAsync(HttpContext http, UcpOperation operation)
    {
        var negotiation = await negotiator.NegotiateAsync(http.Request.Headers["UCP-Agent"].ToString(), operation, http.RequestAborted).ConfigureAwait(false);
        var codec = UcpCodecs.For(negotiation.Version);
        if (negotiation.IsCompatible)
        {
            return (negotiation, codec, null);
        }

        var message = UcpMessage.Error(
            MessageCodes.CapabilitiesIncompatible,
            "The platform and this business share no capability this operation needs.",
            MessageSeverity.Unrecoverable);
        return (negotiation, codec, Outcome(codec.WriteErrorResponse([message], Storefront(http))));
    }

    private async Task<ReadOnlyMemory<byte>> ReadJsonAsync(HttpContext http)
    {
        RequestBody.RequireJson(http.Request);
        return await RequestBody.ReadAsync(http, options.Value.MaxRequestBytes).ConfigureAwait(false);
    }

    private Dictionary<string, Uri> Links() => new(options.Value.Links, StringComparer.Ordinal);

    private Uri Storefront(HttpContext http) => options.Value.StorefrontUrl ?? UcpHttpContext.BaseUrl(http);

    private static UcpJsonResult Outcome(byte[] body) => new(StatusCodes.Status200OK, body);
}
