using System.Text.Json;
using Json.Schema;
using WixUcp.Protocol;
using WixUcp.Versions;
using WixUcp.Versions.V20260408;

namespace WixUcp.Core.Tests.Versions;

public sealed class RequestSchemaTests
{
    private static readonly Codec20260408 Codec = new();

    public static TheoryData<string> Operations => [.. Codec.RequestSchemas.Keys];

    [Theory]
    [MemberData(nameof(Operations))]
    public void Each_request_schema_is_a_valid_draft_2020_12_schema(string operation)
    {
        var document = Codec.RequestSchemas[operation].Document;

        var verdict = MetaSchemas.Draft202012.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.Flag });

        Assert.True(verdict.IsValid);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", document.GetProperty("$schema").GetString());
        Assert.Equal("object", document.GetProperty("type").GetString());
    }

    [Fact]
    public void Members_are_never_null_unless_ucp_says_so()
    {
        var update = Codec.RequestSchemas[RequestSchemaNames.UpdateCheckout];
        var method = """{"line_items":[{"item":{"id":"a"},"quantity":1}],"fulfillment":{"methods":[{"line_item_ids":["li_1"],"selected_destination_id":null,"groups":[{"id":"fg_1","selected_option_id":null}]}]}}""";

        Assert.True(update.Accepts(Parse(method)));
        var buyer = Assert.Throws<UcpRequestException>(() => update.Validate(Parse("""{"line_items":[],"buyer":null}""")));
        Assert.Equal(("$.buyer", "buyer must be an object."), (buyer.WirePath, buyer.Message));
        var code = Assert.Throws<UcpRequestException>(() => update.Validate(Parse("""{"line_items":[],"discounts":{"codes":["A",null]}}""")));
        Assert.Equal(("$.discounts.codes[1]", "Each item of codes must be a string."), (code.WirePath, code.Message));
    }

    [Fact]
    public void Update_requires_what_create_leaves_out()
    {
        var create = Codec.RequestSchemas[RequestSchemaNames.CreateCheckout];
        var update = Codec.RequestSchemas[RequestSchemaNames.UpdateCheckout];
        const string Body = """{"line_items":[{"item":{"id":"a"},"quantity":1}],"fulfillment":{"methods":[{"type":"shipping","groups":[{"selected_option_id":"x"}]}]}}""";

        Assert.True(create.Accepts(Parse(Body)));
        var missing = Assert.Throws<UcpRequestException>(() => update.Validate(Parse(Body)));
        Assert.Equal(("$.fulfillment.methods[0].line_item_ids", "line_item_ids is required."), (missing.WirePath, missing.Message));
    }

    [Fact]
    public void Unknown_members_are_allowed_as_ucp_allows_them_but_signal_names_are_reverse_domain()
    {
        var complete = Codec.RequestSchemas[RequestSchemaNames.CompleteCheckout];
        const string Instruments = """[{"id":"i","handler_id":"h","type":"card","com.example.note":"x"}]""";

        Assert.True(complete.Accepts(Parse($$$"""{"payment":{"instruments":{{{Instruments}}}},"com.example.extension":{"any":1},"signals":{"com.example.device":"d"}}""")));
        var signal = Assert.Throws<UcpRequestException>(() => complete.Validate(Parse($$$"""{"payment":{"instruments":{{{Instruments}}}},"signals":{"Device ID":"d"}}""")));
        Assert.Equal(("$.signals['Device ID']", "Device ID does not have the expected format."), (signal.WirePath, signal.Message));
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
