using System.Text.Json;
using System.Text.Json.Nodes;
using WixUcp.Authentication;
using WixUcp.Operations;
using WixUcp.RateLimiting;

namespace WixUcp.AspNetCore.Mcp;

/// <summary>
/// The UCP shopping tools (the OpenRPC methods of <c>mcp.openrpc.json</c>, carts included), plus <c>search_products</c>, an
/// alias of <c>search_catalog</c> under the name earlier agents use. Input schemas wrap the product's own request
/// schemas, the ones every request is checked against, so what <c>tools/list</c> shows is what is enforced.
/// </summary>
internal static class UcpMcpTools
{
    private const string Checkout = "checkout";
    private const string Catalog = "catalog";
    private const string Cart = "cart";

    public static readonly IReadOnlyList<UcpMcpToolDefinition> Definitions =
    [
        new("create_checkout", "Creates a checkout session from line items (and optionally buyer, fulfillment and discounts). Answers the checkout.",
            Checkout, "create_checkout", TakesId: false, RequiresIdempotencyKey: false, UcpPermissions.CheckoutWrite, UcpRateLimitPolicies.Checkout,
            (ops, call, _, ct) => ops.CreateCheckoutAsync(call, ct)),
        new("get_checkout", "Reads a checkout session by id.",
            null, null, TakesId: true, RequiresIdempotencyKey: false, UcpPermissions.CheckoutRead, UcpRateLimitPolicies.Checkout,
            (ops, call, id, ct) => ops.GetCheckoutAsync(call, id, ct)),
        new("update_checkout", "Replaces a checkout session's buyer-editable fields (line items, buyer, fulfillment, discounts). Answers the checkout.",
            Checkout, "update_checkout", TakesId: true, RequiresIdempotencyKey: false, UcpPermissions.CheckoutWrite, UcpRateLimitPolicies.Checkout,
            (ops, call, id, ct) => ops.UpdateCheckoutAsync(call, id, ct)),
        new("complete_checkout", "Places the order with the payment instrument given. Needs meta.idempotency-key. Answers the checkout with its order.",
            Checkout, "complete_checkout", TakesId: true, RequiresIdempotencyKey: true, UcpPermissions.CheckoutWrite, UcpRateLimitPolicies.Checkout,
            (ops, call, id, ct) => ops.CompleteCheckoutAsync(call, id, ct)),
        new("cancel_checkout", "Cancels a checkout session. Needs meta.idempotency-key. Answers the canceled checkout.",
            null, null, TakesId: true, RequiresIdempotencyKey: true, UcpPermissions.CheckoutWrite, UcpRateLimitPolicies.Checkout,
            (ops, call, id, ct) => ops.CancelCheckoutAsync(call, id, ct)),
        new("create_cart", "Creates a cart from line items (and optionally buyer, context and discount codes): estimated prices, no payment. Answers the cart.",
            Cart, "create_cart", TakesId: false, RequiresIdempotencyKey: false, UcpPermissions.CheckoutWrite, UcpRateLimitPolicies.Checkout,
            (ops, call, _, ct) => ops.CreateCartAsync(call, ct)),
        new("get_cart", "Reads a cart by id.",
            null, null, TakesId: true, RequiresIdempotencyKey: false, UcpPermissions.CheckoutRead, UcpRateLimitPolicies.Checkout,
            (ops, call, id, ct) => ops.GetCartAsync(call, id, ct)),
        new("update_cart", "Replaces a cart's line items, buyer, context and discount codes. Answers the cart.",
            Cart, "update_cart", TakesId: true, RequiresIdempotencyKey: false, UcpPermissions.CheckoutWrite, UcpRateLimitPolicies.Checkout,
            (ops, call, id, ct) => ops.UpdateCartAsync(call, id, ct)),
        new("cancel_cart", "Cancels (removes) a cart. Needs meta.idempotency-key. Answers the cart as it was.",
            null, null, TakesId: true, RequiresIdempotencyKey: true, UcpPermissions.CheckoutWrite, UcpRateLimitPolicies.Checkout,
            (ops, call, id, ct) => ops.CancelCartAsync(call, id, ct)),
        new("search_catalog", "Searches the catalog by free text and filters, one page at a time.",
            Catalog, "search_catalog", TakesId: false, RequiresIdempotencyKey: false, UcpPermissions.ProductsRead, UcpRateLimitPolicies.Catalog,
            (ops, call, _, ct) => ops.SearchCatalogAsync(call, ct)),
        new("search_products", "Alias of search_catalog (the name earlier agents use): searches the catalog by free text and filters.",
            Catalog, "search_catalog", TakesId: false, RequiresIdempotencyKey: false, UcpPermissions.ProductsRead, UcpRateLimitPolicies.Catalog,
            (ops, call, _, ct) => ops.SearchCatalogAsync(call, ct)),
        new("lookup_catalog", "Looks up products and variants by id.",
            Catalog, "lookup_catalog", TakesId: false, RequiresIdempotencyKey: false, UcpPermissions.ProductsRead, UcpRateLimitPolicies.Catalog,
            (ops, call, _, ct) => ops.LookupCatalogAsync(call, ct)),
        new("get_product", "Reads one product with its variants and options by id.",
            Catalog, "get_product", TakesId: false, RequiresIdempotencyKey: false, UcpPermissions.ProductsRead, UcpRateLimitPolicies.Catalog,
            (ops, call, _, ct) => ops.GetProductAsync(call, ct)),
        new("get_order", "Reads an order placed through this platform by id.",
            null, null, TakesId: true, RequiresIdempotencyKey: false, UcpPermissions.OrdersRead, UcpRateLimitPolicies.Orders,
            (ops, call, id, ct) => ops.GetOrderAsync(call, id, ct)),
    ];

    /// <summary>A tool, its input schema built from the current version's request schema.</summary>
    public static UcpMcpTool Create(UcpOperations operations, UcpMcpToolDefinition definition) =>
        new(definition, InputSchema(definition, definition.Schema is null ? null : operations.RequestSchema(definition.Schema)));

    /// <summary>
    /// <c>{meta, id?, payload?}</c> as UCP's OpenRPC file declares them. The payload's schema is embedded with its local
    /// references re-rooted, so the tool schema is one self-contained document.
    /// </summary>
    public static JsonElement InputSchema(UcpMcpToolDefinition definition, JsonElement? payloadSchema)
    {
        var required = new JsonArray { "meta" };
        var properties = new JsonObject { ["meta"] = Meta(definition.RequiresIdempotencyKey) };
        if (definition.TakesId)
        {
            properties["id"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["maxLength"] = 256, ["description"] = "The resource id." };
            required.Add("id");
        }

        if (definition.Payload is { } payload)
        {
            var schema = payloadSchema is { } document ? JsonNode.Parse(document.GetRawText())!.AsObject() : new JsonObject { ["type"] = "object" };
            schema.Remove("$schema");
            Reroot(schema, "#/properties/" + payload);
            properties[payload] = schema;
            required.Add(payload);
        }

        var root = new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = required };
        return JsonSerializer.SerializeToElement(root, UcpMcpJson.Default.JsonObject);
    }

    private static JsonObject Meta(bool requiresIdempotencyKey)
    {
        var required = new JsonArray { "ucp-agent" };
        if (requiresIdempotencyKey)
        {
            required.Add("idempotency-key");
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["description"] = "Request metadata: the platform's profile (UCP-Agent) and the idempotency key of state-changing calls.",
            ["required"] = required,
            ["properties"] = new JsonObject
            {
                ["ucp-agent"] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray { "profile" },
                    ["properties"] = new JsonObject { ["profile"] = new JsonObject { ["type"] = "string", ["format"] = "uri", ["description"] = "URL of the platform's UCP profile." } },
                },
                ["idempotency-key"] = new JsonObject { ["type"] = "string", ["format"] = "uuid", ["description"] = "Unique key for retry safety (a UUID)." },
            },
        };
    }

    private static void Reroot(JsonNode? node, string prefix)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target) && target.StartsWith('#'))
                {
                    obj["$ref"] = prefix + target[1..];
                }

                foreach (var (_, child) in obj.ToList())
                {
                    Reroot(child, prefix);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Reroot(child, prefix);
                }

                break;
        }
    }
}
