using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WixUcp.Checkout;
using WixUcp.Commerce;
using WixUcp.Messages;
using WixUcp.Protocol;
using WixUcp.Storage;

namespace WixUcp.Carts;

/// <summary>
/// Carts: priced by the same engine as checkouts (the backend's quote, line and code messages) without fulfillment or
/// payment, since a cart estimates and commits to nothing; scoped to the platform that made them, like checkouts;
/// an update replaces the cart; cancel removes it and answers it as it was.
/// </summary>
internal sealed partial class CartService(ICartStore carts, ICheckoutBackend backend, IOptions<WixUcpOptions> options, TimeProvider time, ILogger<CartService> logger)
{
    private const int MaxChangeAttempts = 3;
    private readonly CheckoutEvaluator _evaluator = new(backend, options.Value);

    public async ValueTask<CartResult> CreateAsync(CartInput input, CheckoutRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var id = Ids.New("cart_");
        var (priced, rejection) = await PriceAsync(id, input, previous: null, context, cancellationToken).ConfigureAwait(false);
        if (priced is null)
        {
            return new CartResult(null, false, rejection!);
        }

        var now = time.GetUtcNow();
        var cart = priced with { CreatedAt = now, UpdatedAt = now, ExpiresAt = now + options.Value.Checkout.CartLifetime, Version = 1 };
        if (!await carts.TryCreateAsync(cart, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("A fresh cart id collided with a stored one.");
        }

        LogCreated(logger, cart.Id, cart.Lines.Count);
        return new CartResult(cart, true, []);
    }

    public async ValueTask<CartResult> GetAsync(string id, CheckoutRequestContext context, CancellationToken cancellationToken) =>
        await LoadAsync(id, context, cancellationToken).ConfigureAwait(false) is { } cart ? new CartResult(cart, false, []) : CartResult.NotFound(id);

    public async ValueTask<CartResult> UpdateAsync(string id, CartInput input, CheckoutRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        for (var attempt = 0; attempt < MaxChangeAttempts; attempt++)
        {
            if (await LoadAsync(id, context, cancellationToken).ConfigureAwait(false) is not { } current)
            {
                return CartResult.NotFound(id);
            }

            var (priced, rejection) = await PriceAsync(id, input, current, context, cancellationToken).ConfigureAwait(false);
            if (priced is null)
            {
                return new CartResult(null, false, rejection!);
            }

            var now = time.GetUtcNow();
            var next = priced with
            {
                CreatedAt = current.CreatedAt,
                UpdatedAt = now,
                ExpiresAt = now + options.Value.Checkout.CartLifetime,
                CheckoutId = current.CheckoutId,
                Version = current.Version + 1,
            };
            if (await carts.TryUpdateAsync(next, current.Version, cancellationToken).ConfigureAwait(false))
            {
                return new CartResult(next, false, []);
            }
        }

        throw new StoreUnavailableException("The cart kept changing under concurrent updates.") { Store = "carts" };
    }

    /// <summary>Removes the cart; the answer is the cart as it was.</summary>
    public async ValueTask<CartResult> CancelAsync(string id, CheckoutRequestContext context, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxChangeAttempts; attempt++)
        {
            if (await LoadAsync(id, context, cancellationToken).ConfigureAwait(false) is not { } current)
            {
                return CartResult.NotFound(id);
            }

            if (await carts.TryDeleteAsync(current.TenantId, current.Id, current.Version, cancellationToken).ConfigureAwait(false))
            {
                return new CartResult(current, false, []);
            }
        }

        throw new StoreUnavailableException("The cart kept changing under concurrent updates.") { Store = "carts" };
    }

    /// <summary>The platform's cart, or null (another platform's cart reads as missing, so ids leak nothing).</summary>
    public async ValueTask<Cart?> LoadAsync(string id, CheckoutRequestContext context, CancellationToken cancellationToken)
    {
        var cart = await carts.GetAsync(context.Tenant.Id, id, cancellationToken).ConfigureAwait(false);
        return cart is null || (cart.PlatformProfile is not null && cart.PlatformProfile != context.Negotiation.Platform.Url.AbsoluteUri) ? null : cart;
    }

    /// <summary>Remembers the checkout made from the cart, so converting it again finds that checkout.</summary>
    public async ValueTask LinkCheckoutAsync(Cart cart, string checkoutId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (!await carts.TryUpdateAsync(cart with { CheckoutId = checkoutId, Version = cart.Version + 1 }, cart.Version, cancellationToken).ConfigureAwait(false))
        {
            LogLinkLost(logger, cart.Id, checkoutId);
        }
    }

    private async ValueTask<(Cart? Cart, IReadOnlyList<UcpMessage>? Rejection)> PriceAsync(string id, CartInput input, Cart? previous, CheckoutRequestContext context, CancellationToken cancellationToken)
    {
        var limits = options.Value.Checkout;
        var (requested, adjusted) = InputLimits.RequireLines(input.Lines, limits);
        InputLimits.RequireFewDiscountCodes(input.DiscountCodes, limits);
        var discounts = context.Negotiation.IsActive(UcpCapabilities.Discount);
        var draft = new CheckoutDraft
        {
            Id = id,
            Lines = LineIds.Assign(requested, previous?.Lines ?? []),
            AdjustedQuantities = adjusted,
            Buyer = input.Buyer,
            Context = input.Context,
            DiscountCodes = discounts ? input.DiscountCodes ?? [] : [],
        };
        var evaluation = await _evaluator.EvaluateAsync(draft, previous: null, context, cancellationToken).ConfigureAwait(false);
        if (evaluation.Session is not { } session)
        {
            return (null, evaluation.Rejection);
        }

        // What a checkout would still ask for (an email, a destination) is not a cart's concern.
        var messages = session.Messages.Where(m => m.Target?.Kind != MessageTargetKind.BuyerEmail).ToList();
        return (new Cart
        {
            TenantId = context.Tenant.Id,
            Id = id,
            PlatformProfile = context.Negotiation.Platform.Url.AbsoluteUri,
            Currency = session.Currency,
            Lines = session.Lines,
            Buyer = input.Buyer,
            Context = input.Context,
            DiscountCodes = session.DiscountCodes,
            AppliedDiscounts = session.AppliedDiscounts,
            Totals = session.Totals,
            Messages = messages,
            CreatedAt = default,
            UpdatedAt = default,
            ExpiresAt = default,
        }, null);
    }

    [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "Cart {CartId} created with {Lines} line(s)")]
    private static partial void LogCreated(ILogger logger, string cartId, int lines);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Warning, Message = "Cart {CartId} changed while checkout {CheckoutId} was made from it; the link was not kept")]
    private static partial void LogLinkLost(ILogger logger, string cartId, string checkoutId);
}
