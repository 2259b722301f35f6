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
        _session = SampleCheckout.Ready("chk_0123456789abcdef0123456789abcdef");
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
