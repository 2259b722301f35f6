using WixUcp.Carts;
using WixUcp.Checkout;
using WixUcp.Messages;
using WixUcp.Negotiation;

namespace WixUcp.Operations;

public sealed partial class UcpOperations
{
    /// <summary>Create Cart (the cart capability, 2026-04-08 and later).</summary>
    /// <param name="call">The call.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The created cart (201), a business error or a protocol error.</returns>
    public ValueTask<UcpOutcome> CreateCartAsync(UcpCall call, CancellationToken cancellationToken) =>
        RunCartAsync(call, "create_cart", resourceId: null, stateChanging: true, (context, checkout, carts, ct) =>
            carts.CreateAsync(context.Codec.ReadCartCreate(call.Body.Span), checkout, ct), cancellationToken);

    /// <summary>Get Cart.</summary>
    /// <param name="call">The call.</param>
    /// <param name="cartId">The cart id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The cart, or a not-found business error.</returns>
    public ValueTask<UcpOutcome> GetCartAsync(UcpCall call, string cartId, CancellationToken cancellationToken) =>
        RunCartAsync(call, "get_cart", cartId, stateChanging: false, (_, checkout, carts, ct) => carts.GetAsync(cartId, checkout, ct), cancellationToken);

    /// <summary>Update Cart: the body replaces the cart.</summary>
    /// <param name="call">The call.</param>
    /// <param name="cartId">The cart id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated cart, a business error or a protocol error.</returns>
    public ValueTask<UcpOutcome> UpdateCartAsync(UcpCall call, string cartId, CancellationToken cancellationToken) =>
        RunCartAsync(call, "update_cart", cartId, stateChanging: true, (context, checkout, carts, ct) =>
            carts.UpdateAsync(cartId, context.Codec.ReadCartUpdate(call.Body.Span), checkout, ct), cancellationToken);

    /// <summary>Cancel Cart: removes it and answers it as it was; later calls find nothing.</summary>
    /// <param name="call">The call.</param>
    /// <param name="cartId">The cart id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The cart as it was, a business error or a protocol error.</returns>
    public ValueTask<UcpOutcome> CancelCartAsync(UcpCall call, string cartId, CancellationToken cancellationToken) =>
        RunCartAsync(call, "cancel_cart", cartId, stateChanging: true, (_, checkout, carts, ct) => carts.CancelAsync(cartId, checkout, ct), cancellationToken);

    private ValueTask<UcpOutcome> RunCartAsync(
        UcpCall call,
        string operation,
        string? resourceId,
        bool stateChanging,
        Func<OperationContext, CheckoutRequestContext, CartService, CancellationToken, ValueTask<CartResult>> run,
        CancellationToken cancellationToken) =>
        RunAsync(call, UcpOperation.Cart, operation, resourceId, stateChanging, async (context, ct) =>
        {
            var carts = _carts ?? throw new InvalidOperationException("Carts need the cart service: compose with AddWixUcp().");
            var checkout = await CheckoutContextAsync(context, ct).ConfigureAwait(false);
            var result = await run(context, checkout, carts, ct).ConfigureAwait(false);
            if (result.Cart is not { } cart)
            {
                return context.Version.NoResource(result.Messages, Storefront(call));
            }

            return UcpOutcome.Of(result.Created ? UcpOutcomeKind.Created : UcpOutcomeKind.Resource, context.Codec.WriteCart(cart, context.Negotiation, _links));
        },
        cancellationToken);

    // A checkout from a cart takes the cart's lines, buyer and context (the request's are ignored where the cart has
    // them) and its discount codes; converting the same cart again answers the checkout made the first time.
    private async ValueTask<CheckoutResult> CheckoutFromCartAsync(string cartId, CheckoutInput input, CheckoutRequestContext checkout, CancellationToken cancellationToken)
    {
        if (_carts is null || await _carts.LoadAsync(cartId, checkout, cancellationToken).ConfigureAwait(false) is not { } cart)
        {
            return CheckoutResult.Rejected([UcpMessage.Error(MessageCodes.NotFound, $"Cart {cartId} was not found.", MessageSeverity.Unrecoverable)]);
        }

        if (cart.CheckoutId is { } made
            && await _checkouts.GetAsync(made, checkout, cancellationToken).ConfigureAwait(false) is { Kind: CheckoutResultKind.Ok, Session.IsTerminal: false } existing)
        {
            return existing;
        }

        var fromCart = input with
        {
            Lines = [.. cart.Lines.Select(l => new LineInput(null, l.ItemId, l.Quantity, null))],
            Buyer = cart.Buyer ?? input.Buyer,
            Context = cart.Context ?? input.Context,
            DiscountCodes = [.. cart.DiscountCodes.Union(input.DiscountCodes ?? [], StringComparer.OrdinalIgnoreCase)],
        };
        var created = await _checkouts.CreateAsync(fromCart, checkout, cancellationToken).ConfigureAwait(false);
        if (created.Session is { } session)
        {
            await _carts.LinkCheckoutAsync(cart, session.Id, cancellationToken).ConfigureAwait(false);
        }

        return created;
    }
}
