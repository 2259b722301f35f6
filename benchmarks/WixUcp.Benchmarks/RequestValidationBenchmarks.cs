using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using WixUcp.Versions;
using WixUcp.Versions.V20260408;

namespace WixUcp.Benchmarks;

/// <summary>
/// The cost of checking a typical update request against its request schema, against a baseline measured in the same
/// run: parsing the same body into a <see cref="JsonDocument"/>, which the check needs anyway.
/// </summary>
[MemoryDiagnoser]
public class RequestValidationBenchmarks
{
    // A typical update: two line items, a buyer, a shipping method with its group selection and a discount code (~0.7 KB).
    private static readonly byte[] UpdateBody = Encoding.UTF8.GetBytes(
        """{"line_items":[{"id":"li_1","item":{"id":"tea_sencha"},"quantity":2},{"id":"li_2","item":{"id":"cup_porcelain"},"quantity":1}],"buyer":{"first_name":"Ada","last_name":"Lovelace","email":"ada@example.com","phone_number":"+15555550100"},"context":{"address_country":"US","currency":"USD"},"fulfillment":{"methods":[{"id":"fm_1","type":"shipping","line_item_ids":["li_1","li_2"],"selected_destination_id":"addr_1","destinations":[{"id":"addr_1","street_address":"1 Main St","address_locality":"San Francisco","address_region":"CA","postal_code":"94103","address_country":"US"}],"groups":[{"id":"fg_1","selected_option_id":"ship-standard"}]}]},"discounts":{"codes":["WELCOME10"]}}""");

    private static readonly byte[] RefusedBody = Encoding.UTF8.GetBytes(
        """{"line_items":[{"id":"li_1","item":{"id":"tea_sencha"},"quantity":0}],"buyer":{"email":"ada@example.com"}}""");

    private readonly Codec20260408 _codec = new();
    private RequestSchema _schema = null!;
    private JsonDocument _parsed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _schema = _codec.RequestSchemas[RequestSchemaNames.UpdateCheckout];
        _parsed = JsonDocument.Parse(UpdateBody);
        _schema.Validate(_parsed.RootElement);
    }

    [GlobalCleanup]
    public void Cleanup() => _parsed.Dispose();

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse of the update (baseline)")]
    public JsonValueKind Parse()
    {
        using var document = JsonDocument.Parse(UpdateBody);
        return document.RootElement.ValueKind;
    }

    [Benchmark(Description = "Schema check of the parsed update")]
    public bool Validate() => _schema.Accepts(_parsed.RootElement);

    [Benchmark(Description = "Codec read of the update: parse, check, deserialize, map")]
    public int ReadUpdate() => _codec.ReadCheckoutUpdate(UpdateBody).Lines!.Count;

    [Benchmark(Description = "Refused update: check and explain the first error")]
    public string? Refuse()
    {
        try
        {
            _codec.ReadCheckoutUpdate(RefusedBody);
            return null;
        }
        catch (Protocol.UcpRequestException ex)
        {
            return ex.WirePath;
        }
    }
}
