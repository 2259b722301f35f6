using System.Text;
using BenchmarkDotNet.Attributes;
using WixUcp.Checkout;
using WixUcp.Commerce;
using WixUcp.Messages;
using WixUcp.Negotiation;
using WixUcp.Protocol;
using WixUcp.Versions;
using WixUcp.Versions.V20260123;
using WixUcp.Versions.V20260408;
using WixUcp.Versions.V20260825;

namespace WixUcp.Benchmarks;

/// <summary>
/// What serving three versions costs per response and request: the same ready checkout written, and the same update
/// read, by each version's codec, against 2026-04-08 in the same run.
/// </summary>
[MemoryDiagnoser]
public class VersionCodecBenchmarks
{
    private static readonly byte[] UpdateBody = Encoding.UTF8.GetBytes(
        """{"line_items":[{"id":"li_1","item":{"id":"tea_sencha"},"quantity":2},{"id":"li_2","item":{"id":"cup_porcelain"},"quantity":1}],"buyer":{"first_name":"Ada","last_name":"Lovelace","email":"ada@example.com"},"fulfillment":{"methods":[{"id":"fm_1","type":"shipping","line_item_ids":["li_1","li_2"],"selected_destination_id":"addr_1","destinations":[{"id":"addr_1","street_address":"1 Main St","address_locality":"San Francisco","address_region":"CA","postal_code":"94103","address_country":"US"}],"groups":[{"id":"fg_1","selected_option_id":"ship-standard"}]}]},"discounts":{"codes":["STEEP10"]}}""");

    private static readonly IReadOnlyDictionary<string, Uri> Links = new Dictionary<string, Uri>
    {
        ["privacy_policy"] = new("https://shop.example.com/privacy"),
        ["terms_of_service"] = new("https://shop.example.com/terms"),
    };

    private static readonly IReadOnlyList<PaymentHandlerDescriptor> Handlers =
        [new PaymentHandlerDescriptor { Name = "dev.wixucp.sandbox_payment", Id = "mock_payment_handler", InstrumentTypes = ["card"] }];

    private readonly Codec20260123 _january = new();
    private readonly Codec20260408 _april = new();
    private readonly Codec20260825 _august = new();
    private CheckoutSession _session = null!;

    [GlobalSetup]
    public void Setup()
    {
        var now = DateTimeOffset.UtcNow;
        var address = new PostalAddress { StreetAddress = "1 Main St", AddressLocality = "San Francisco", AddressRegion = "CA", PostalCode = "94103", AddressCountry = "US" };
        _session = new CheckoutSession
        {
            TenantId = "default",
            Id = "chk_0123456789abcdef0123456789abcdef",
            Status = CheckoutStatus.ReadyForComplete,
            Currency = "USD",
            Lines =
            [
                new CheckoutLine { Id = "li_1", ItemId = "tea_sencha", Title = "Sencha Green Tea 100g", UnitPrice = 1200, Quantity = 2, Totals = [new Total(TotalTypes.Subtotal, 2400), new Total(TotalTypes.Total, 2400)] },
                new CheckoutLine { Id = "li_2", ItemId = "cup_porcelain", Title = "Porcelain Cup", UnitPrice = 1800, Quantity = 1, Totals = [new Total(TotalTypes.Subtotal, 1800), new Total(TotalTypes.Total, 1800)] },
            ],
            Buyer = new Buyer { FirstName = "Ada", LastName = "Lovelace", Email = "ada@example.com", Consent = new BuyerConsent { Marketing = true } },
            Fulfillment =
            [
                new FulfillmentMethod
                {
                    Id = "fm_1",
                    LineItemIds = ["li_1", "li_2"],
                    Destinations = [new FulfillmentDestination { Id = "addr_1", Address = address }],
                    SelectedDestinationId = "addr_1",
                    Groups =
                    [
                        new FulfillmentGroup
                        {
                            Id = "fg_1",
                            LineItemIds = ["li_1", "li_2"],
                            Options =
                            [
                                new FulfillmentOption { Id = "ship-standard", Title = "Standard", Description = "3-5 business days", Amount = 500 },
                                new FulfillmentOption { Id = "ship-express", Title = "Express", Description = "1-2 business days", Amount = 1500 },
                            ],
                            SelectedOptionId = "ship-standard",
                        },
                    ],
                },
            ],
            DiscountCodes = ["STEEP10"],
            AppliedDiscounts = [new AppliedDiscount { Code = "STEEP10", Title = "10% off tea", Amount = 240, Priority = 1 }],
            Totals = [new Total(TotalTypes.Subtotal, 4200), new Total(TotalTypes.Discount, -240, "STEEP10"), new Total(TotalTypes.Fulfillment, 500, "Standard"), new Total(TotalTypes.Total, 4460)],
            Messages = [UcpMessage.Warning(MessageCodes.FreeShipping, "Spend 10.00 more for free shipping.")],
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = now.AddHours(6),
        };
    }

    private static NegotiationResult Negotiation(string version) => new()
    {
        Version = version,
        Platform = new PlatformProfile { Url = new Uri("https://platform.example/profile"), Version = version, Capabilities = new Dictionary<string, IReadOnlyList<string>>() },
        Capabilities = new Dictionary<string, string>
        {
            [UcpCapabilities.Checkout] = version,
            [UcpCapabilities.Fulfillment] = version,
            [UcpCapabilities.Discount] = version,
            [UcpCapabilities.BuyerConsent] = version,
        },
        IsCompatible = true,
    };

    private static readonly NegotiationResult January = Negotiation(UcpVersions.V20260123);
    private static readonly NegotiationResult April = Negotiation(UcpVersions.V20260408);
    private static readonly NegotiationResult August = Negotiation(UcpVersions.V20260825);

    [Benchmark(Baseline = true, Description = "Write checkout, 2026-04-08 (baseline)")]
    public int WriteApril() => _april.WriteCheckout(_session, April, Handlers, Links).Length;

    [Benchmark(Description = "Write checkout, 2026-08-25 (consent map, typed destinations)")]
    public int WriteAugust() => _august.WriteCheckout(_session, August, Handlers, Links).Length;

    [Benchmark(Description = "Write checkout, 2026-01-23 (magnitudes)")]
    public int WriteJanuary() => _january.WriteCheckout(_session, January, Handlers, Links).Length;

    [Benchmark(Description = "Read update, 2026-04-08")]
    public int ReadApril() => _april.ReadCheckoutUpdate(UpdateBody).Lines!.Count;

    [Benchmark(Description = "Read update, 2026-08-25")]
    public int ReadAugust() => _august.ReadCheckoutUpdate(UpdateBody).Lines!.Count;
}
