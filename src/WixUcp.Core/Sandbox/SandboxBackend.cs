using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using WixUcp.Catalog;
using WixUcp.Checkout;
using WixUcp.Commerce;
using WixUcp.Messages;
using WixUcp.Tenancy;

namespace WixUcp.Sandbox;

/// <summary>
/// The embedded store: catalog, stock, discount codes, shipping rates, free-shipping promotions, customers with saved
/// addresses and a test payment handler, all computed locally from a CSV dataset. Stock is kept in memory.
/// It is one store: every tenant sees the same data. It uses only the public backend abstractions, so it is the
/// template for remote backends.
/// </summary>
internal sealed class SandboxBackend : ICheckoutBackend, ICatalogBackend
{
    private const string StandardServiceLevel = "standard";
    private readonly SandboxDataset _data;
    private readonly SandboxOptions _options;
    private readonly Dictionary<string, SandboxProduct> _products;

    // Each product's media, parsed once: the catalog is fixed, and parsing a URI on every search result is not free.
    private readonly Dictionary<string, CatalogMedia[]> _media;
    private readonly Dictionary<string, long> _stock;
    private readonly ConcurrentDictionary<string, PlaceOrderResult> _placedByCheckout = new(StringComparer.Ordinal);
    private readonly Lock _stockLock = new();
    private readonly IReadOnlyList<PaymentHandlerDescriptor> _paymentHandlers;
    private readonly SandboxPaymentChallenges _challenges;
    private int _orderNumber = 1000;

    public SandboxBackend(IOptions<SandboxOptions> options, SandboxPaymentChallenges challenges)
    {
        _challenges = challenges;
        _options = options.Value;
        _data = SandboxDataset.Load(_options.DataDirectory);
        _products = _data.Products.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _media = _data.Products.ToDictionary(p => p.Id, MediaOf, StringComparer.Ordinal);
        _stock = new Dictionary<string, long>(_data.Inventory, StringComparer.Ordinal);
        _paymentHandlers =
        [
            new PaymentHandlerDescriptor { Name = _options.PaymentHandlerName, Id = _options.PaymentHandlerId, InstrumentTypes = ["card"] },
        ];
    }

    public ValueTask<IReadOnlyList<PaymentHandlerDescriptor>> GetPaymentHandlersAsync(UcpTenant tenant, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_paymentHandlers);

    public ValueTask<CommerceQuote> QuoteAsync(QuoteRequest request, CancellationToken cancellationToken)
    {
        var lines = request.Lines.Select(PriceLine).ToList();
        var subtotal = lines.Where(l => l.Found).Sum(l => l.UnitPrice * l.Quantity);
        var (discounts, rejections) = ApplyDiscounts(request.DiscountCodes, subtotal);
        var notices = new List<UcpMessage>();
        List<FulfillmentOption>? shipping = null;
        if (request.ShippingAddress is not null)
        {
            var promotion = FreeShipping(request.Lines, subtotal);
            if (promotion is not null)
            {
                notices.Add(UcpMessage.Info(MessageCodes.FreeShipping, promotion.Description));
            }

            shipping = ShippingOptions(request.ShippingAddress.AddressCountry, promotion is not null);
        }

        var selected = shipping?.FirstOrDefault(o => o.Id == request.SelectedShippingOptionId);
        var totals = new List<Total> { new(TotalTypes.Subtotal, subtotal) };
        totals.AddRange(discounts.Select(d => new Total(TotalTypes.Discount, -d.Amount, d.Title)));
        if (selected is not null)
        {
            totals.Add(new Total(TotalTypes.Fulfillment, selected.Amount, selected.Title));
        }

        totals.Add(new Total(TotalTypes.Total, totals.Sum(t => t.Amount)));
        return ValueTask.FromResult(new CommerceQuote
        {
            Currency = _options.Currency,
            Lines = lines,
            ShippingOptions = shipping,
            SelectedShippingOptionId = selected?.Id,
            Discounts = discounts,
            RejectedDiscountCodes = rejections,
            Totals = totals,
            Notices = notices,
        });
    }

    public ValueTask<IReadOnlyList<SavedAddress>> FindSavedAddressesAsync(UcpTenant tenant, string buyerEmail, CancellationToken cancellationToken)
    {
        var customer = _data.Customers.FirstOrDefault(c => string.Equals(c.Email, buyerEmail.Trim(), StringComparison.OrdinalIgnoreCase));
        return ValueTask.FromResult(customer?.Addresses ?? []);
    }

    public async ValueTask<PlaceOrderResult> PlaceOrderAsync(PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        if (_options.PlaceOrderLatency > TimeSpan.Zero)
        {
            await Task.Delay(_options.PlaceOrderLatency, cancellationToken).ConfigureAwait(false);
        }

        return PlaceOrder(request);
    }

    private PlaceOrderResult PlaceOrder(PlaceOrderRequest request)
    {
        // A retried charge for the same checkout returns the first result instead of charging again.
        if (_placedByCheckout.TryGetValue(request.Checkout.Id, out var earlier))
        {
            return earlier;
        }

        var result = request.Credential.Token switch
        {
            SandboxTokens.Success => Reserve(request.Checkout),
            SandboxTokens.RequiresAction when _challenges.PassOrChallenge(request.Tenant.Id, request.Checkout.Id) => Reserve(request.Checkout),
            SandboxTokens.RequiresAction => new PlaceOrderResult
            {
                Outcome = PlaceOrderOutcome.RequiresBuyerAction,
                Message = "The card issuer asks the buyer to confirm this payment (3-D Secure).",
            },
            SandboxTokens.Decline => PlaceOrderResult.Declined("The card was declined."),
            _ => PlaceOrderResult.Declined("The payment token was not recognised."),
        };
        if (result.Outcome == PlaceOrderOutcome.Placed)
        {
            _placedByCheckout[request.Checkout.Id] = result;
        }

        return result;
    }

    public ValueTask<CatalogPage> SearchAsync(UcpTenant tenant, CatalogSearchQuery query, CancellationToken cancellationToken)
    {
        var terms = query.Text?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var matches = _data.Products
            .Where(p => terms.All(t => Mentions(p, t)))
            .Where(p => query.Categories.Count == 0 || p.Categories.Any(c => query.Categories.Contains(c, StringComparer.OrdinalIgnoreCase)))
            .Where(p => (query.MinPrice is null || p.Price >= query.MinPrice) && (query.MaxPrice is null || p.Price <= query.MaxPrice))
            .OrderByDescending(p => terms.Count(t => p.Title.Contains(t, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var page = matches.Skip(query.Offset).Take(query.Limit).Select(ToCatalogProduct).ToList();
        return ValueTask.FromResult(new CatalogPage { Products = page, HasMore = query.Offset + page.Count < matches.Count, TotalCount = matches.Count });
    }

    public ValueTask<IReadOnlyList<CatalogProduct>> LookupAsync(UcpTenant tenant, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        // Each sandbox product has a single variant sharing the product's id.
        IReadOnlyList<CatalogProduct> found = ids
            .Where(_products.ContainsKey)
            .Distinct(StringComparer.Ordinal)
            .Select(id => ToCatalogProduct(_products[id]))
            .ToList();
        return ValueTask.FromResult(found);
    }

    private static bool Mentions(SandboxProduct product, string term) =>
        product.Title.Contains(term, StringComparison.OrdinalIgnoreCase)
        || (product.Description?.Contains(term, StringComparison.OrdinalIgnoreCase) ?? false)
        || product.Categories.Any(c => c.Contains(term, StringComparison.OrdinalIgnoreCase));

    private CatalogProduct ToCatalogProduct(SandboxProduct product)
    {
        var stock = StockOf(product.Id);
        var media = _media[product.Id];
        return new CatalogProduct
        {
            Id = product.Id,
            Title = product.Title,
            Description = product.Description ?? product.Title,
            Categories = product.Categories,
            Media = media,
            Variants =
            [
                new CatalogVariant
                {
                    Id = product.Id,
                    Title = product.Title,
                    Description = product.Description,
                    Sku = product.Id,
                    Price = product.Price,
                    Currency = _options.Currency,
                    Available = stock is null or > 0,
                    AvailabilityStatus = stock is null or > 0 ? "in_stock" : "out_of_stock",
                    Media = media,
                },
            ],
        };
    }

    private static CatalogMedia[] MediaOf(SandboxProduct product) =>
        product.ImageUrl is not null && Uri.TryCreate(product.ImageUrl, UriKind.Absolute, out var image)
            ? [new CatalogMedia("image", image, product.Title)]
            : [];

    private long? StockOf(string productId)
    {
        lock (_stockLock)
        {
            return _stock.TryGetValue(productId, out var quantity) ? quantity : null;
        }
    }

    private QuotedLine PriceLine(QuoteLine line)
    {
        if (!_products.TryGetValue(line.ItemId, out var product))
        {
            return new QuotedLine { LineId = line.LineId, ItemId = line.ItemId, Found = false, Quantity = line.Quantity };
        }

        var amount = product.Price * line.Quantity;
        return new QuotedLine
        {
            LineId = line.LineId,
            ItemId = line.ItemId,
            Found = true,
            Title = product.Title,
            UnitPrice = product.Price,
            ImageUrl = product.ImageUrl,
            Quantity = line.Quantity,
            AvailableQuantity = StockOf(product.Id),
            Totals = [new Total(TotalTypes.Subtotal, amount), new Total(TotalTypes.Total, amount)],
        };
    }

    // Codes apply in the order given, each to what earlier codes left (rounding down to whole minor units at each step).
    private (List<AppliedDiscount> Applied, List<DiscountRejection> Rejected) ApplyDiscounts(IReadOnlyList<string> codes, long subtotal)
    {
        var applied = new List<AppliedDiscount>();
        var rejected = new List<DiscountRejection>();
        var remaining = subtotal;
        for (var index = 0; index < codes.Count; index++)
        {
            var code = codes[index];
            if (applied.Any(a => string.Equals(a.Code, code, StringComparison.OrdinalIgnoreCase)))
            {
                rejected.Add(new DiscountRejection { Code = code, Index = index, ReasonCode = MessageCodes.DiscountCodeAlreadyApplied, Content = $"Code {code} is already applied." });
                continue;
            }

            if (!_data.Discounts.TryGetValue(code, out var discount))
            {
                rejected.Add(new DiscountRejection { Code = code, Index = index, ReasonCode = MessageCodes.DiscountCodeInvalid, Content = $"Code {code} is not a valid discount code." });
                continue;
            }

            var amount = discount.Type switch
            {
                "percentage" => remaining * discount.Value / 100,
                "fixed_amount" => discount.Value,
                _ => 0,
            };
            amount = Math.Min(amount, remaining);
            if (amount <= 0)
            {
                rejected.Add(new DiscountRejection { Code = code, Index = index, ReasonCode = MessageCodes.DiscountCodeCombinationDisallowed, Content = $"Code {code} does not reduce this order further." });
                continue;
            }

            remaining -= amount;
            applied.Add(new AppliedDiscount { Code = code, Title = discount.Description, Amount = amount, Priority = applied.Count + 1 });
        }

        return (applied, rejected);
    }

    private SandboxPromotion? FreeShipping(IReadOnlyList<QuoteLine> lines, long subtotal) =>
        _data.Promotions.FirstOrDefault(p => p.Type == "free_shipping"
            && ((p.MinSubtotal is { } minimum && subtotal >= minimum)
                || (p.EligibleItemIds.Count > 0 && lines.Any(l => p.EligibleItemIds.Contains(l.ItemId, StringComparer.Ordinal)))));

    // A country's own rate for a service level wins over the default one; free shipping makes standard service free.
    private List<FulfillmentOption> ShippingOptions(string? country, bool freeStandard)
    {
        if (string.IsNullOrWhiteSpace(country))
        {
            return [];
        }

        return _data.ShippingRates
            .Where(r => string.Equals(r.CountryCode, country, StringComparison.OrdinalIgnoreCase) || r.CountryCode == "default")
            .GroupBy(r => r.ServiceLevel, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderBy(r => r.CountryCode == "default" ? 1 : 0).First())
            .Select(r =>
            {
                var free = freeStandard && string.Equals(r.ServiceLevel, StandardServiceLevel, StringComparison.OrdinalIgnoreCase);
                return new FulfillmentOption
                {
                    Id = r.Id,
                    Title = r.Title,
                    Description = free ? "Free with your promotion" : ServiceDescription(r.ServiceLevel),
                    Amount = free ? 0 : r.Price,
                };
            })
            .OrderBy(o => o.Amount)
            .ToList();
    }

    private static string ServiceDescription(string serviceLevel) =>
        serviceLevel.ToLowerInvariant() switch
        {
            "standard" => "Arrives in 5-7 business days",
            "express" => "Arrives in 1-3 business days",
            _ => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(serviceLevel) + " delivery",
        };

    private PlaceOrderResult Reserve(CheckoutSession checkout)
    {
        lock (_stockLock)
        {
            var demand = checkout.Lines.GroupBy(l => l.ItemId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(l => (long)l.Quantity), StringComparer.Ordinal);
            var short_ = demand.Where(d => _stock.TryGetValue(d.Key, out var available) && available < d.Value).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
            if (short_.Count > 0)
            {
                return new PlaceOrderResult
                {
                    Outcome = PlaceOrderOutcome.OutOfStock,
                    Message = "Some items sold out.",
                    OutOfStockLineIds = checkout.Lines.Where(l => short_.Contains(l.ItemId)).Select(l => l.Id).ToList(),
                };
            }

            foreach (var (itemId, quantity) in demand)
            {
                if (_stock.TryGetValue(itemId, out var available))
                {
                    _stock[itemId] = available - quantity;
                }
            }

            var number = ++_orderNumber;
            return PlaceOrderResult.Placed("ord_" + RandomNumberGenerator.GetHexString(32, lowercase: true), "#" + number.ToString(CultureInfo.InvariantCulture));
        }
    }
}
