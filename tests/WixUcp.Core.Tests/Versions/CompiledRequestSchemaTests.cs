using System.Text.Json;
using System.Text.Json.Nodes;
using WixUcp.Versions;

namespace WixUcp.Core.Tests.Versions;

/// <summary>
/// The compiled request checks give the general evaluator's verdict on every request schema of every version, over
/// valid requests and every single-member mutation of them (null, wrong types, empty and oversized values, removal).
/// </summary>
public sealed class CompiledRequestSchemaTests
{
    private static readonly string[] Seeds =
    [
        """{"line_items":[{"id":"li_1","item":{"id":"tea_sencha"},"quantity":2}],"buyer":{"first_name":"Ada","email":"ada@example.com","consent":{"marketing":true}},"context":{"address_country":"US","currency":"USD"},"fulfillment":{"methods":[{"id":"fm_1","type":"shipping","line_item_ids":["li_1"],"selected_destination_id":"d1","destinations":[{"id":"d1","street_address":"1 Main St","address_country":"US"}],"groups":[{"id":"fg_1","selected_option_id":"std"}]}]},"discounts":{"codes":["STEEP10"]},"signals":{"dev.ucp.buyer_ip":"203.0.113.9"},"attribution":{"utm_source":"agent"},"cart_id":"cart_1"}""",
        """{"payment":{"instruments":[{"id":"instr_1","handler_id":"mock","type":"card","selected":true,"billing_address":{"address_country":"US"},"credential":{"type":"token","token":"tok_1"}}]}}""",
        """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}],"buyer":{"email":"ada@example.com","consent":{"dev.ucp.consent.marketing":{"granted":true,"source":"platform"}}},"fulfillment":{"methods":[{"type":"shipping","destinations":[{"type":"shipping_address","street_address":"1 Main St","address_country":"US"}]}]}}""",
        """{"query":"tea","filters":{"categories":["tea"],"price":{"min":100,"max":5000}},"pagination":{"cursor":"c1","limit":10}}""",
        """{"ids":["tea_sencha","cup_porcelain"]}""",
        """{"id":"tea_sencha","selected":[{"name":"size","label":"100g"}],"preferences":["size"]}""",
        """{"fulfillment":{"events":[{"id":"ev_1","occurred_at":"2026-11-30T12:00:00Z","type":"shipped","line_items":[{"id":"li_1","quantity":1}],"tracking_url":"https://t.example/1"}]},"adjustments":[{"id":"adj_1","type":"refund","occurred_at":"2026-11-30T12:00:00Z","status":"completed","line_items":[{"id":"li_1","quantity":1}],"totals":[{"type":"total","amount":-100}]}]}""",
    ];

    private static readonly JsonNode?[] Replacements =
        [null, JsonValue.Create(""), JsonValue.Create(0), JsonValue.Create(-1), JsonValue.Create(1.5), JsonValue.Create(true), new JsonArray(), new JsonObject(), JsonValue.Create(new string('x', 70_000)), JsonValue.Create("not a domain")];

    public static TheoryData<string> Versions => ["2026-01-23", "2026-04-08", "2026-08-25"];

    private static UcpProtocolVersion Version(string version) => version switch
    {
        "2026-01-23" => new WixUcp.Versions.V20260123.UcpVersion20260123(),
        "2026-04-08" => new WixUcp.Versions.V20260408.UcpVersion20260408(),
        _ => new WixUcp.Versions.V20260825.UcpVersion20260825(),
    };

    [Theory]
    [MemberData(nameof(Versions))]
    public void Every_request_schema_compiles_and_agrees_with_the_general_evaluator(string version)
    {
        var (accepted, refused) = (0, 0);
        foreach (var (name, schema) in Version(version).Codec.RequestSchemas)
        {
            foreach (var document in Corpus())
            {
                using var parsed = JsonDocument.Parse(document);
                var compiled = schema.AcceptsByCompiled(parsed.RootElement);
                Assert.True(compiled is not null, $"{name} did not compile");
                Assert.True(compiled == schema.AcceptsByReference(parsed.RootElement), $"{name} disagrees on {(document.Length > 300 ? document[..300] : document)}");
                _ = compiled == true ? accepted++ : refused++;
            }
        }

        Assert.True(accepted > 100 && refused > 100, $"the corpus must hold both verdicts: {accepted} accepted, {refused} refused");
    }

    // The seeds, and each with one member (at any depth) replaced by each replacement or removed.
    private static IEnumerable<string> Corpus()
    {
        foreach (var seed in Seeds)
        {
            yield return seed;
            var root = JsonNode.Parse(seed)!;
            foreach (var path in Paths(root, []))
            {
                foreach (var replacement in Replacements.Append(JsonValue.Create("__remove__")))
                {
                    var copy = JsonNode.Parse(seed)!;
                    var parent = path[..^1].Aggregate(copy, (node, step) => step is int i ? node[i]! : node[(string)step]!);
                    var last = path[^1];
                    var value = replacement?.DeepClone();
                    if (value is JsonValue v && v.TryGetValue<string>(out var s) && s == "__remove__")
                    {
                        if (last is string member)
                        {
                            parent.AsObject().Remove(member);
                        }
                        else
                        {
                            parent.AsArray().RemoveAt((int)last);
                        }
                    }
                    else if (last is string member)
                    {
                        parent[member] = value;
                    }
                    else
                    {
                        parent[(int)last] = value;
                    }

                    yield return copy.ToJsonString();
                }
            }
        }
    }

    private static IEnumerable<object[]> Paths(JsonNode? node, object[] prefix)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj)
            {
                object[] path = [.. prefix, name];
                yield return path;
                foreach (var deeper in Paths(child, path))
                {
                    yield return deeper;
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                object[] path = [.. prefix, i];
                yield return path;
                foreach (var deeper in Paths(array[i], path))
                {
                    yield return deeper;
                }
            }
        }
    }
}
