using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.Versions;
using WixUcp.Versions.V20260408;

namespace WixUcp.AspNetCore.Tests.Schemas;

/// <summary>
/// The request schemas the server ships are at least as strict as the official 2026-04-08 request views (checkout.json
/// and the catalog requests, resolved for each operation from their <c>ucp_request</c> annotations): on a corpus of
/// valid requests and their mutations at every member, no document the server's schema accepts is refused by the
/// official one. The seeds themselves pass both, so the server's schema is not stricter where it matters.
/// </summary>
public sealed class RequestSchemaConformanceTests(ITestOutputHelper output)
{
    private static readonly Codec20260408 Codec = new();

    private static readonly Dictionary<string, (UcpDocumentKind Kind, string[] Seeds)> Corpus = new(StringComparer.Ordinal)
    {
        [RequestSchemaNames.CreateCheckout] = (UcpDocumentKind.CheckoutCreateRequest,
        [
            """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":2}]}""",
            """
            {"line_items":[{"item":{"id":"tea_sencha"},"quantity":2},{"item":{"id":"cup_porcelain"},"quantity":1}],
             "buyer":{"first_name":"Ada","last_name":"Lovelace","email":"ada@example.com","phone_number":"+15555550100","consent":{"marketing":false,"analytics":true}},
             "context":{"address_country":"US","address_region":"CA","postal_code":"94103","language":"en","currency":"USD","intent":"a gift"},
             "fulfillment":{"methods":[{"type":"shipping","line_item_ids":["li_1"],"selected_destination_id":null,"groups":[{"selected_option_id":"ship-standard"}],
               "destinations":[{"street_address":"1 Main St","address_locality":"San Francisco","address_region":"CA","postal_code":"94103","address_country":"US","first_name":"Ada"}]}]},
             "discounts":{"codes":["WELCOME10"]},
             "payment":{"instruments":[{"id":"instr_1","handler_id":"mock_payment_handler","type":"card","selected":true,"credential":{"type":"token","token":"tok"},"billing_address":{"postal_code":"94103","address_country":"US"}}]},
             "signals":{"dev.ucp.buyer_ip":"203.0.113.7","dev.ucp.user_agent":"Agent/1.0"},
             "attribution":{"utm_source":"agent"}}
            """,
        ]),
        [RequestSchemaNames.UpdateCheckout] = (UcpDocumentKind.CheckoutUpdateRequest,
        [
            """{"line_items":[{"id":"li_1","item":{"id":"tea_sencha"},"quantity":3}]}""",
            """
            {"line_items":[{"id":"li_1","item":{"id":"tea_sencha"},"quantity":2},{"id":"li_2","item":{"id":"cup_porcelain"},"quantity":1,"parent_id":"li_1"}],
             "buyer":{"email":"ada@example.com","consent":{"sale_of_data":false}},
             "context":{"address_country":"US"},
             "fulfillment":{"methods":[{"id":"fm_1","type":"shipping","line_item_ids":["li_1","li_2"],"selected_destination_id":"addr_1",
               "groups":[{"id":"fg_1","selected_option_id":null}],"destinations":[{"id":"addr_1","street_address":"1 Main St","address_country":"US"}]}]},
             "discounts":{"codes":["WELCOME10","SPRING"]},
             "payment":{"instruments":[{"id":"instr_1","handler_id":"mock_payment_handler","type":"card","display":{"brand":"visa","last_digits":"4242"}}]}}
            """,
        ]),
        [RequestSchemaNames.CompleteCheckout] = (UcpDocumentKind.CheckoutCompleteRequest,
        [
            """{"payment":{"instruments":[{"id":"instr_1","handler_id":"mock_payment_handler","type":"card","credential":{"type":"token","token":"success_token"}}]}}""",
            """
            {"payment":{"instruments":[{"id":"instr_1","handler_id":"mock_payment_handler","type":"card","selected":true,"credential":{"type":"token","token":"t"},
               "billing_address":{"street_address":"1 Main St","address_locality":"Springfield","postal_code":"12345","address_country":"US","last_name":"Hopper"}}]},
             "signals":{"dev.ucp.buyer_ip":"198.51.100.2"},"attribution":{"campaign":"fall"}}
            """,
        ]),
        [RequestSchemaNames.SearchCatalog] = (UcpDocumentKind.CatalogSearchRequest,
        [
            """{"query":"tea"}""",
            """
            {"query":"green tea","filters":{"categories":["tea","gifts"],"price":{"min":100,"max":5000}},"pagination":{"cursor":"c1","limit":10},
             "context":{"address_country":"US","currency":"USD","language":"en"},"signals":{"dev.ucp.user_agent":"Agent/1.0"},"attribution":{"utm_medium":"ai"}}
            """,
        ]),
        [RequestSchemaNames.LookupCatalog] = (UcpDocumentKind.CatalogLookupRequest,
        [
            """{"ids":["tea_sencha"]}""",
            """{"ids":["tea_sencha","cup_porcelain","variant_1"]}""",
        ]),
        [RequestSchemaNames.GetProduct] = (UcpDocumentKind.CatalogGetProductRequest,
        [
            """{"id":"tea_sencha"}""",
            """{"id":"cup_porcelain","selected":[{"name":"Size","label":"Large","id":"opt_1"},{"name":"Color","label":"Blue"}],"preferences":["Size","Color"]}""",
        ]),
    };

    // What a careless or hostile platform puts in place of a member: every JSON type, boundary numbers, empty containers.
    private static readonly string[] Replacements =
        ["null", "true", "0", "-1", "1.5", "1e300", "\"\"", "\"x\"", "[]", "{}", "[null]", "[{}]", "[\"x\"]", "{\"x\":1}"];

    public static TheoryData<string> Operations => [.. Corpus.Keys];

    [Theory]
    [MemberData(nameof(Operations))]
    public void The_request_schema_accepts_nothing_the_official_request_view_refuses(string operation)
    {
        var official = SchemaAssert.Schemas();
        var ours = Codec.RequestSchemas[operation];
        var (kind, seeds) = Corpus[operation];
        int documents = 0, bothAccept = 0, bothRefuse = 0, onlyOursRefuses = 0;
        var looser = new List<string>();
        var stricter = new List<string>();
        foreach (var seed in seeds)
        {
            var seedNode = JsonNode.Parse(seed)!;
            Assert.True(ours.Accepts(Parse(seed)), $"The server's {operation} schema refuses the valid seed {seed}");
            SchemaAssert.Valid(seedNode, kind, Checkouts.AllExtensions);

            foreach (var (description, document) in Mutations(seedNode))
            {
                documents++;
                var element = Parse(document);
                var oursAccepts = ours.Accepts(element);
                var officialAccepts = official.Validate(element, kind, Checkouts.AllExtensions).Count == 0;
                switch (oursAccepts, officialAccepts)
                {
                    case (true, true):
                        bothAccept++;
                        break;
                    case (true, false):
                        looser.Add($"{description}: {document}");
                        break;
                    case (false, true):
                        onlyOursRefuses++;
                        stricter.Add(description);
                        break;
                    default:
                        bothRefuse++;
                        break;
                }
            }
        }

        output.WriteLine($"{operation}: {documents} documents; both accept {bothAccept}, both refuse {bothRefuse}, only the server refuses {onlyOursRefuses}: {string.Join("; ", stricter)}");
        Assert.True(documents >= 50, $"The corpus of {operation} holds only {documents} documents.");
        Assert.True(bothRefuse > 0, "The corpus holds no document the official view refuses.");
        Assert.True(looser.Count == 0, $"The server's {operation} schema accepts {looser.Count} document(s) the official view refuses:\n" + string.Join('\n', looser.Take(20)));
    }

    [Fact]
    public void Refusals_name_the_member_and_never_echo_the_value()
    {
        var create = Codec.RequestSchemas[RequestSchemaNames.CreateCheckout];
        var secret = new string('s', 40);

        var wrongType = Assert.Throws<WixUcp.Protocol.UcpRequestException>(() => create.Validate(Parse($$$"""{"line_items":[{"item":{"id":"a"},"quantity":"{{{secret}}}"}]}""")));
        var missing = Assert.Throws<WixUcp.Protocol.UcpRequestException>(() => create.Validate(Parse("""{"line_items":[{"item":{"id":"a"}}]}""")));
        var outOfRange = Assert.Throws<WixUcp.Protocol.UcpRequestException>(() => create.Validate(Parse("""{"line_items":[{"item":{"id":"a"},"quantity":0}]}""")));
        var notInEnum = Assert.Throws<WixUcp.Protocol.UcpRequestException>(() => create.Validate(Parse($$$"""{"line_items":[{"item":{"id":"a"},"quantity":1}],"fulfillment":{"methods":[{"type":"{{{secret}}}"}]}}""")));

        Assert.Equal(("$.line_items[0].quantity", "quantity must be an integer."), (wrongType.WirePath, wrongType.Message));
        Assert.Equal(("$.line_items[0].quantity", "quantity is required."), (missing.WirePath, missing.Message));
        Assert.Equal(("$.line_items[0].quantity", "quantity must be at least 1."), (outOfRange.WirePath, outOfRange.Message));
        Assert.Equal("$.fulfillment.methods[0].type", notInEnum.WirePath);
        Assert.Equal("type must be one of \"shipping\", \"pickup\".", notInEnum.Message);
        Assert.DoesNotContain(secret, wrongType.Message + notInEnum.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_operation_has_its_own_required_members()
    {
        var schemas = Codec.RequestSchemas;
        string[] Required(string operation) =>
            [.. schemas[operation].Document.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()!) : []];

        Assert.Equal(["line_items"], Required(RequestSchemaNames.CreateCheckout));
        Assert.Equal(["line_items"], Required(RequestSchemaNames.UpdateCheckout));
        Assert.Equal(["payment"], Required(RequestSchemaNames.CompleteCheckout));
        Assert.Equal(["ids"], Required(RequestSchemaNames.LookupCatalog));
        Assert.Equal(["id"], Required(RequestSchemaNames.GetProduct));
        Assert.Empty(Required(RequestSchemaNames.SearchCatalog));

        // Complete reads nothing but payment: the checkout's contents are not part of its request view.
        Assert.False(schemas[RequestSchemaNames.CompleteCheckout].Document.GetProperty("properties").TryGetProperty("line_items", out _));
    }

    private static IEnumerable<(string Description, string Document)> Mutations(JsonNode seed)
    {
        foreach (var replacement in Replacements)
        {
            yield return ($"$ = {replacement}", replacement);
        }

        foreach (var path in Locations(seed, []))
        {
            var where = "$" + string.Concat(path.Select(p => p is int i ? $"[{i.ToString(CultureInfo.InvariantCulture)}]" : "." + p));
            foreach (var replacement in Replacements)
            {
                yield return ($"{where} = {replacement}", With(seed, path, parent => Set(parent, path[^1], JsonNode.Parse(replacement))));
            }

            if (path[^1] is string)
            {
                yield return ($"{where} removed", With(seed, path, parent => parent.AsObject().Remove((string)path[^1])));
            }
        }
    }

    private static IEnumerable<object[]> Locations(JsonNode node, object[] path)
    {
        IEnumerable<(object Key, JsonNode? Child)> children = node switch
        {
            JsonObject o => o.Select(m => ((object)m.Key, m.Value)),
            JsonArray a => a.Select((c, i) => ((object)i, c)),
            _ => [],
        };
        foreach (var (key, child) in children)
        {
            object[] childPath = [.. path, key];
            yield return childPath;
            if (child is not null)
            {
                foreach (var deeper in Locations(child, childPath))
                {
                    yield return deeper;
                }
            }
        }
    }

    private static string With(JsonNode seed, object[] path, Action<JsonNode> change)
    {
        var copy = seed.DeepClone();
        var parent = copy;
        foreach (var step in path[..^1])
        {
            parent = step is int i ? parent[i]! : parent[(string)step]!;
        }

        change(parent);
        return copy.ToJsonString();
    }

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (key is int index)
        {
            parent.AsArray()[index] = value;
        }
        else
        {
            parent[(string)key] = value;
        }
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
