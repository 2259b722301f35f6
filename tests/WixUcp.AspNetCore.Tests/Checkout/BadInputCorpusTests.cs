using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.Checkout;
using WixUcp.Orders;

namespace WixUcp.AspNetCore.Tests.Checkout;

/// <summary>
/// Hundreds of malformed requests generated from valid ones over every endpoint with a body (truncated JSON, a wrong
/// type at every member, huge numbers, deep nesting, oversized bodies, invalid UTF-8, duplicate members, too many
/// items or codes): each gets a 4xx UCP error, none a 5xx, and no store is written.
/// </summary>
public sealed class BadInputCorpusTests(UcpFixture fixture) : IClassFixture<UcpFixture>
{
    private const string Create = """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":2}],"buyer":{"email":"ada@example.com","first_name":"Ada"},"discounts":{"codes":["STEEP10"]}}""";
    private const string Update = """{"line_items":[{"id":"li_1","item":{"id":"tea_sencha"},"quantity":1}],"buyer":{"email":"ada@example.com"}}""";

    [Fact]
    public async Task Every_malformed_request_gets_a_4xx_UCP_error_and_writes_nothing()
    {
        var writes = new WriteCounter();
        await using var app = fixture.App.WithWebHostBuilder(b => b.ConfigureServices(services => writes.Decorate(services)));
        var client = new UcpClient(app.CreateClient(), fixture.Platform.Agent());
        var checkoutId = (await client.PostAsync("/ucp/checkout-sessions", Create)).Json["id"]!.GetValue<string>();
        var baseline = (await client.GetAsync($"/ucp/checkout-sessions/{checkoutId}")).Bytes;
        var writesBefore = writes.Count;

        var endpoints = new (HttpMethod Method, string Path, string Body)[]
        {
            (HttpMethod.Post, "/ucp/checkout-sessions", Create),
            (HttpMethod.Put, $"/ucp/checkout-sessions/{checkoutId}", Update),
            (HttpMethod.Post, $"/ucp/checkout-sessions/{checkoutId}/complete", Checkouts.Complete()),
            (HttpMethod.Post, "/ucp/catalog/search", """{"query":"tea"}"""),
            (HttpMethod.Post, "/ucp/catalog/lookup", """{"ids":["tea_assam","cup_porcelain"]}"""),
            (HttpMethod.Post, "/ucp/catalog/product", """{"id":"pot_cast_iron"}"""),
        };

        var failures = new List<string>();
        var sent = 0;
        foreach (var (method, path, body) in endpoints)
        {
            foreach (var (kind, bytes) in Corpus(body))
            {
                sent++;
                var response = await SendAsync(client, method, path, bytes);
                var status = (int)response.Status;
                if (status is < 400 or >= 500 || !IsUcpError(response))
                {
                    failures.Add($"{method} {path} [{kind}] -> {status} {Truncate(response.Text)}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent}:\n" + string.Join('\n', failures.Take(30)));
        Assert.True(sent >= 500, $"the corpus has {sent} requests");
        Assert.Equal(writesBefore, writes.Count);
        Assert.Equal(baseline, (await client.GetAsync($"/ucp/checkout-sessions/{checkoutId}")).Bytes);
    }

    private static IEnumerable<(string Kind, byte[] Body)> Corpus(string valid)
    {
        var utf8 = Encoding.UTF8.GetBytes(valid);

        // Truncated documents.
        for (var length = 0; length < utf8.Length; length += 3)
        {
            yield return ($"truncated at {length}", utf8[..length]);
        }

        var root = JsonNode.Parse(valid)!;
        foreach (var path in Paths(root, ""))
        {
            var original = Get(root, path);
            foreach (var replacement in WrongTypes(original))
            {
                yield return ($"{path} := {replacement}", Encoding.UTF8.GetBytes(Replace(valid, path, replacement)));
            }

            if (original is JsonValue)
            {
                foreach (var huge in new[] { "1e400", "123456789012345678901234567890", "-1e308", "-9223372036854775809" })
                {
                    yield return ($"{path} := {huge}", Encoding.UTF8.GetBytes(Replace(valid, path, huge)));
                }

                yield return ($"{path} := invalid UTF-8", Encoding.UTF8.GetBytes(Replace(valid, path, "\"\u0001\"")).Select(b => b == 0x01 ? (byte)0xC3 : b).ToArray());
                yield return ($"{path} := lone surrogate", Encoding.UTF8.GetBytes(Replace(valid, path, "\"a\\ud800b\"")));
                yield return ($"{path} := NaN", Encoding.UTF8.GetBytes(Replace(valid, path, "NaN")));
                yield return ($"{path} := control character", Encoding.UTF8.GetBytes(Replace(valid, path, "\"a\\u0000b\"")));
                yield return ($"{path} := deep nesting", Encoding.UTF8.GetBytes(Replace(valid, path, new string('[', 100) + new string(']', 100))));
                yield return ($"{path} := 2000-character string", Encoding.UTF8.GetBytes(Replace(valid, path, "\"" + new string('x', 2000) + "\"")));
            }
        }

        // Duplicate members, too many items or codes, an oversized body.
        var members = root.AsObject().Select(p => p.Key).ToArray();
        foreach (var member in members)
        {
            yield return ($"duplicate {member}", Encoding.UTF8.GetBytes(valid.TrimEnd('}') + $",\"{member}\":{root[member]!.ToJsonString()}}}"));
        }

        var many = string.Join(',', Enumerable.Range(0, 101).Select(i => $$"""{"item":{"id":"tea_sencha"},"quantity":1}"""));
        yield return ("101 line items", Encoding.UTF8.GetBytes($$"""{"line_items":[{{many}}]}"""));
        var codes = string.Join(',', Enumerable.Range(0, 11).Select(i => $"\"CODE{i}\""));
        yield return ("11 discount codes", Encoding.UTF8.GetBytes("""{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}],"discounts":{"codes":[""" + codes + "]}}"));
        yield return ("2 MiB body", Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', 2 * 1024 * 1024) + "\"}"));
        yield return ("not an object", "[1,2,3]"u8.ToArray());
        yield return ("BOM and garbage", [0xEF, 0xBB, 0xBF, 0xFF, 0xFE]);
    }

    // Every member and element path, as JSON Pointer-like segments separated by '/'.
    private static IEnumerable<string> Paths(JsonNode node, string prefix)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    yield return prefix + "/" + key;
                    foreach (var nested in Paths(child!, prefix + "/" + key))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return prefix + "/" + i;
                    foreach (var nested in Paths(array[i]!, prefix + "/" + i))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }

    private static JsonNode? Get(JsonNode root, string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate((JsonNode?)root, (node, segment) =>
            node is JsonArray array ? array[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)] : node![segment]);

    private static string Replace(string valid, string path, string replacementJson)
    {
        var root = JsonNode.Parse(valid)!;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var parent = Get(root, string.Join('/', segments[..^1].Prepend("")))!;
        const string marker = "\"@@replacement@@\"";
        if (parent is JsonArray array)
        {
            array[int.Parse(segments[^1], System.Globalization.CultureInfo.InvariantCulture)] = "@@replacement@@";
        }
        else
        {
            parent[segments[^1]] = "@@replacement@@";
        }

        return root.ToJsonString().Replace(marker, replacementJson, StringComparison.Ordinal);
    }

    private static string[] WrongTypes(JsonNode? original) => original switch
    {
        JsonObject => ["\"x\"", "1", "[]", "true"],
        JsonArray => ["\"x\"", "1", "{}", "true"],
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => ["42", "[]", "{}", "true"],
        _ => ["\"x\"", "[]", "{}", "true"],
    };

    private static async Task<UcpResponse> SendAsync(UcpClient client, HttpMethod method, string path, byte[] body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("UCP-Agent", client.Agent);
        if (!path.StartsWith("/ucp/catalog", StringComparison.Ordinal))
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
        }

        var response = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return new UcpResponse(response.StatusCode, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), response);
    }

    // A protocol error {code, content} or a UCP error envelope; never an empty body or a stack trace.
    private static bool IsUcpError(UcpResponse response)
    {
        try
        {
            var body = JsonNode.Parse(response.Bytes)!.AsObject();
            return body["code"] is JsonValue || body["messages"]?[0]?["code"] is JsonValue;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static string Truncate(string text) => text.Length > 200 ? text[..200] + "…" : text;

    /// <summary>Counts successful writes to the checkout and order stores.</summary>
    private sealed class WriteCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Decorate(IServiceCollection services)
        {
            var sessions = services.Last(d => d.ServiceType == typeof(ICheckoutSessionStore));
            var orders = services.Last(d => d.ServiceType == typeof(IOrderStore));
            services.AddSingleton<ICheckoutSessionStore>(sp => new CountingSessions((ICheckoutSessionStore)Resolve(sp, sessions), this));
            services.AddSingleton<IOrderStore>(sp => new CountingOrders((IOrderStore)Resolve(sp, orders), this));
        }

        public bool Record(bool written)
        {
            if (written)
            {
                Interlocked.Increment(ref _count);
            }

            return written;
        }

        private static object Resolve(IServiceProvider services, ServiceDescriptor descriptor) =>
            descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
    }

    private sealed class CountingSessions(ICheckoutSessionStore inner, WriteCounter counter) : ICheckoutSessionStore
    {
        public ValueTask<CheckoutSession?> GetAsync(string tenantId, string id, CancellationToken cancellationToken) => inner.GetAsync(tenantId, id, cancellationToken);

        public async ValueTask<bool> TryCreateAsync(CheckoutSession session, CancellationToken cancellationToken) =>
            counter.Record(await inner.TryCreateAsync(session, cancellationToken));

        public async ValueTask<bool> TryUpdateAsync(CheckoutSession session, long expectedVersion, CancellationToken cancellationToken) =>
            counter.Record(await inner.TryUpdateAsync(session, expectedVersion, cancellationToken));
    }

    private sealed class CountingOrders(IOrderStore inner, WriteCounter counter) : IOrderStore
    {
        public ValueTask<Order?> GetAsync(string tenantId, string id, CancellationToken cancellationToken) => inner.GetAsync(tenantId, id, cancellationToken);

        public async ValueTask<bool> TryCreateAsync(Order order, CancellationToken cancellationToken) =>
            counter.Record(await inner.TryCreateAsync(order, cancellationToken));

        public async ValueTask<bool> TryUpdateAsync(Order order, long expectedVersion, IReadOnlyList<WixUcp.Webhooks.WebhookDelivery> deliveries, WixUcp.Webhooks.IWebhookOutbox outbox, CancellationToken cancellationToken) =>
            counter.Record(await inner.TryUpdateAsync(order, expectedVersion, deliveries, outbox, cancellationToken));
    }
}
