using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace WixUcp.AspNetCore.Tests.Schemas;

/// <summary>Proves the schema validator both passes conforming documents and catches violations.</summary>
public sealed class UcpSchemasTests
{
    private const string Fulfillment = "dev.ucp.shopping.fulfillment";

    // Digest §3.9: an Apr checkout response with the fulfillment extension.
    private const string AprCheckoutResponse = """
        {
          "ucp": {"version": "2026-04-08", "status": "success",
                  "capabilities": {"dev.ucp.shopping.checkout": [{"version": "2026-04-08"}],
                                   "dev.ucp.shopping.fulfillment": [{"version": "2026-04-08"}]},
                  "payment_handlers": {"com.example.psp_tokenizer": [{"id": "psp_tok_1", "version": "2026-04-08",
                                         "available_instruments": [{"type": "card", "constraints": {"brands": ["visa","mastercard"]}}]}]}},
          "id": "chk_7f3", "status": "incomplete", "currency": "USD",
          "line_items": [{"id": "li_1", "item": {"id": "variant_123", "title": "Mug", "price": 1500}, "quantity": 2,
                          "totals": [{"type": "subtotal", "amount": 3000}, {"type": "total", "amount": 3000}]}],
          "totals": [{"type": "subtotal", "amount": 3000}, {"type": "discount", "amount": -300, "display_text": "WELCOME10"},
                     {"type": "fulfillment", "amount": 500}, {"type": "tax", "amount": 232}, {"type": "total", "amount": 3432}],
          "messages": [{"type": "error", "code": "missing", "path": "$.buyer.email", "content": "Email is required", "severity": "recoverable"}],
          "links": [{"type": "terms_of_service", "url": "https://shop.example.com/terms"}, {"type": "privacy_policy", "url": "https://shop.example.com/privacy"}],
          "continue_url": "https://shop.example.com/checkout-sessions/chk_7f3",
          "expires_at": "2026-05-01T18:00:00Z",
          "fulfillment": {"methods": [{"id": "m1", "type": "shipping", "line_item_ids": ["li_1"], "selected_destination_id": "d1",
              "destinations": [{"id": "d1", "street_address": "1 Main St", "address_locality": "Austin", "address_region": "TX", "postal_code": "78701", "address_country": "US"}],
              "groups": [{"id": "g1", "line_item_ids": ["li_1"], "selected_option_id": "std",
                          "options": [{"id": "std", "title": "Standard", "description": "Arrives in 5-7 days", "totals": [{"type": "total", "amount": 500}]}]}]}]}
        }
        """;

    private const string NotFoundError = """
        {"ucp":{"version":"2026-04-08","status":"error"},"messages":[{"type":"error","code":"not_found","content":"x","severity":"unrecoverable"}]}
        """;

    private const string MinimalBusinessProfile = """
        {
          "ucp": {
            "version": "2026-04-08",
            "services": {"dev.ucp.shopping": [{"version": "2026-04-08", "transport": "rest",
              "spec": "https://ucp.dev/2026-04-08/specification/overview",
              "schema": "https://ucp.dev/2026-04-08/services/shopping/rest.openapi.json",
              "endpoint": "https://shop.example.com/ucp"}]},
            "capabilities": {"dev.ucp.shopping.checkout": [{"version": "2026-04-08",
              "spec": "https://ucp.dev/2026-04-08/specification/checkout",
              "schema": "https://ucp.dev/2026-04-08/schemas/shopping/checkout.json"}]},
            "payment_handlers": {}
          }
        }
        """;

    private const string MinimalCreateRequest = """{"line_items":[{"item":{"id":"x"},"quantity":1}]}""";

    private const string SearchResponse = """
        {
          "ucp": {"version": "2026-04-08", "status": "success"},
          "products": [{"id": "p1", "title": "Mug", "description": {"plain": "A mug."},
            "price_range": {"min": {"amount": 1500, "currency": "USD"}, "max": {"amount": 1500, "currency": "USD"}},
            "variants": [{"id": "v1", "title": "Mug", "description": {"plain": "A mug."}, "price": {"amount": 1500, "currency": "USD"}}]}]
        }
        """;

    [Fact]
    public void Apr_checkout_response_example_validates_with_fulfillment() =>
        SchemaAssert.Valid(AprCheckoutResponse, UcpDocumentKind.CheckoutResponse, Fulfillment);

    [Fact]
    public void Checkout_response_with_positive_discount_total_is_rejected()
    {
        var document = JsonNode.Parse(AprCheckoutResponse)!;
        document["totals"]![1]!["amount"] = 300;

        var errors = SchemaAssert.Invalid(document.ToJsonString(), UcpDocumentKind.CheckoutResponse, Fulfillment);

        Assert.Contains(errors, e => e.StartsWith("/totals/1/amount:", StringComparison.Ordinal));
    }

    [Fact]
    public void January_takes_the_magnitudes_april_refuses_and_refuses_the_signed_discount()
    {
        // The April example, as January writes it: no ucp.status, no available_instruments, every amount a magnitude.
        var january = JsonNode.Parse(AprCheckoutResponse)!;
        january["ucp"]!.AsObject().Remove("status");
        january["ucp"]!["version"] = "2026-01-23";
        january["ucp"]!["payment_handlers"]!["com.example.psp_tokenizer"]![0]!.AsObject().Remove("available_instruments");
        january["totals"]![1]!["amount"] = 300;
        SchemaAssert.ValidIn("2026-01-23", january, UcpDocumentKind.CheckoutResponse, Fulfillment);

        january["totals"]![1]!["amount"] = -300;
        var errors = UcpSchemas.TryLoad("2026-01-23", out _)!.Validate(january, UcpDocumentKind.CheckoutResponse, [Fulfillment]);
        Assert.Contains(errors, e => e.StartsWith("/totals/1/amount:", StringComparison.Ordinal));
    }

    [Fact]
    public void Checkout_response_without_subtotal_total_is_rejected()
    {
        var document = JsonNode.Parse(AprCheckoutResponse)!;
        document["totals"]!.AsArray().RemoveAt(0);

        var errors = SchemaAssert.Invalid(document.ToJsonString(), UcpDocumentKind.CheckoutResponse, Fulfillment);

        Assert.Contains(errors, e => e.StartsWith("/totals:", StringComparison.Ordinal));
    }

    [Fact]
    public void Checkout_response_without_payment_handlers_is_rejected()
    {
        var document = JsonNode.Parse(AprCheckoutResponse)!;
        document["ucp"]!.AsObject().Remove("payment_handlers");

        var errors = SchemaAssert.Invalid(document.ToJsonString(), UcpDocumentKind.CheckoutResponse, Fulfillment);

        Assert.Contains(errors, e => e.StartsWith("/ucp:", StringComparison.Ordinal) && e.Contains("payment_handlers", StringComparison.Ordinal));
    }

    [Fact]
    public void Active_extension_schema_is_composed_onto_checkout()
    {
        var document = JsonNode.Parse(AprCheckoutResponse)!;
        document["fulfillment"]!["methods"]![0]!["type"] = "teleport";
        var json = document.ToJsonString();

        // The base checkout is open, so the bad fulfillment only fails once the extension is active.
        SchemaAssert.Valid(json, UcpDocumentKind.CheckoutResponse);
        var errors = SchemaAssert.Invalid(json, UcpDocumentKind.CheckoutResponse, Fulfillment);
        Assert.Contains(errors, e => e.StartsWith("/fulfillment/methods/0/type:", StringComparison.Ordinal));
    }

    [Fact]
    public void Format_keywords_are_asserted()
    {
        var document = JsonNode.Parse(AprCheckoutResponse)!;
        document["expires_at"] = "tomorrow";

        var errors = SchemaAssert.Invalid(document.ToJsonString(), UcpDocumentKind.CheckoutResponse, Fulfillment);

        Assert.Contains(errors, e => e.StartsWith("/expires_at:", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_checkout_extension_is_an_argument_error()
    {
        var schemas = SchemaAssert.Schemas();

        Assert.Throws<ArgumentException>(() =>
            schemas.Validate(JsonNode.Parse(AprCheckoutResponse)!, UcpDocumentKind.CheckoutResponse, ["dev.ucp.shopping.fulfilment"]));
    }

    [Fact]
    public void Error_response_validates_as_checkout_response_and_as_error_response()
    {
        SchemaAssert.Valid(NotFoundError, UcpDocumentKind.CheckoutResponse);
        SchemaAssert.Valid(NotFoundError, UcpDocumentKind.CheckoutResponse, Fulfillment, "dev.ucp.shopping.discount");
        SchemaAssert.Valid(NotFoundError, UcpDocumentKind.ErrorResponse);
        SchemaAssert.Valid(NotFoundError, UcpDocumentKind.OrderResponse);
        SchemaAssert.Valid(NotFoundError, UcpDocumentKind.CatalogGetProductResponse);
    }

    [Fact]
    public void Error_response_with_extra_top_level_property_is_rejected()
    {
        var document = JsonNode.Parse(NotFoundError)!;
        document["id"] = "chk_1";

        var errors = SchemaAssert.Invalid(document.ToJsonString(), UcpDocumentKind.ErrorResponse);

        Assert.Contains(errors, e => e.Contains("additionalProperties", StringComparison.Ordinal));
    }

    [Fact]
    public void Minimal_business_profile_validates() =>
        SchemaAssert.Valid(MinimalBusinessProfile, UcpDocumentKind.BusinessProfile);

    [Fact]
    public void Business_profile_without_payment_handlers_is_rejected()
    {
        var document = JsonNode.Parse(MinimalBusinessProfile)!;
        document["ucp"]!.AsObject().Remove("payment_handlers");

        var errors = SchemaAssert.Invalid(document.ToJsonString(), UcpDocumentKind.BusinessProfile);

        Assert.Contains(errors, e => e.Contains("payment_handlers", StringComparison.Ordinal));
    }

    [Fact]
    public void Minimal_create_request_validates() =>
        SchemaAssert.Valid(MinimalCreateRequest, UcpDocumentKind.CheckoutCreateRequest);

    [Fact]
    public void Create_request_is_not_a_checkout_response()
    {
        // The raw checkout schema requires server-owned fields; requests need the derived view.
        SchemaAssert.Invalid(MinimalCreateRequest, UcpDocumentKind.CheckoutResponse);
    }

    [Fact]
    public void Create_request_with_zero_quantity_is_rejected()
    {
        var errors = SchemaAssert.Invalid("""{"line_items":[{"item":{"id":"x"},"quantity":0}]}""", UcpDocumentKind.CheckoutCreateRequest);

        Assert.Contains(errors, e => e.StartsWith("/line_items/0/quantity:", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_request_without_line_items_is_rejected()
    {
        var errors = SchemaAssert.Invalid("""{"buyer":{"email":"a@example.com"}}""", UcpDocumentKind.CheckoutCreateRequest);

        Assert.Contains(errors, e => e.Contains("line_items", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_request_with_item_without_id_is_rejected() =>
        SchemaAssert.Invalid("""{"line_items":[{"item":{"title":"Mug"},"quantity":1}]}""", UcpDocumentKind.CheckoutCreateRequest);

    [Fact]
    public void Update_request_requires_line_items()
    {
        SchemaAssert.Valid("""{"line_items":[{"id":"li_1","item":{"id":"x"},"quantity":2}]}""", UcpDocumentKind.CheckoutUpdateRequest);
        SchemaAssert.Invalid("""{"buyer":{"email":"a@example.com"}}""", UcpDocumentKind.CheckoutUpdateRequest);
    }

    [Fact]
    public void Complete_request_requires_payment()
    {
        SchemaAssert.Valid(
            """{"payment":{"instruments":[{"id":"pi_1","handler_id":"psp_tok_1","type":"card","selected":true}]}}""",
            UcpDocumentKind.CheckoutCompleteRequest);
        var errors = SchemaAssert.Invalid("""{"signals":{}}""", UcpDocumentKind.CheckoutCompleteRequest);
        Assert.Contains(errors, e => e.Contains("payment", StringComparison.Ordinal));
    }

    [Fact]
    public void Fulfillment_request_views_follow_the_operation()
    {
        // Create: method type is required, ids are server-assigned; a destination id is optional (shared view).
        const string CreateWithShipping = """
            {"line_items":[{"item":{"id":"x"},"quantity":1}],
             "fulfillment":{"methods":[{"type":"shipping","destinations":[{"street_address":"1 Main St","address_country":"US"}]}]}}
            """;
        SchemaAssert.Valid(CreateWithShipping, UcpDocumentKind.CheckoutCreateRequest, Fulfillment);
        SchemaAssert.Invalid(
            """{"line_items":[{"item":{"id":"x"},"quantity":1}],"fulfillment":{"methods":[{"line_item_ids":["li_1"]}]}}""",
            UcpDocumentKind.CheckoutCreateRequest,
            Fulfillment);

        // Update: line_item_ids required, type optional; a group needs its id to select an option.
        SchemaAssert.Valid(
            """{"line_items":[{"id":"li_1","item":{"id":"x"},"quantity":1}],"fulfillment":{"methods":[{"id":"m1","line_item_ids":["li_1"],"groups":[{"id":"g1","selected_option_id":"std"}]}]}}""",
            UcpDocumentKind.CheckoutUpdateRequest,
            Fulfillment);
        SchemaAssert.Invalid(
            """{"line_items":[{"id":"li_1","item":{"id":"x"},"quantity":1}],"fulfillment":{"methods":[{"id":"m1","type":"shipping"}]}}""",
            UcpDocumentKind.CheckoutUpdateRequest,
            Fulfillment);
    }

    [Fact]
    public void Pickup_destination_hits_the_known_oneOf_spec_bug()
    {
        // Digest §3.10: a retail location also satisfies shipping_destination, so fulfillment_destination's oneOf
        // rejects every pickup destination in 2026-04-08. This pins the behaviour so the failure text is recognisable.
        var document = JsonNode.Parse(AprCheckoutResponse)!;
        var method = document["fulfillment"]!["methods"]![0]!;
        method["type"] = "pickup";
        method["destinations"] = JsonNode.Parse("""[{"id":"d1","name":"Downtown store","address":{"address_country":"US"}}]""");

        var errors = SchemaAssert.Invalid(document.ToJsonString(), UcpDocumentKind.CheckoutResponse, Fulfillment);

        Assert.Contains(errors, e => e.StartsWith("/fulfillment/methods/0/destinations/0:", StringComparison.Ordinal)
            && e.Contains("exactly one", StringComparison.Ordinal));
    }

    [Fact]
    public void Catalog_search_response_validates_and_requires_variants()
    {
        SchemaAssert.Valid(SearchResponse, UcpDocumentKind.CatalogSearchResponse);
        var document = JsonNode.Parse(SearchResponse)!;
        document["products"]![0]!.AsObject().Remove("variants");

        var errors = SchemaAssert.Invalid(document.ToJsonString(), UcpDocumentKind.CatalogSearchResponse);

        Assert.Contains(errors, e => e.StartsWith("/products/0:", StringComparison.Ordinal) && e.Contains("variants", StringComparison.Ordinal));
    }

    [Fact]
    public void Catalog_requests_use_the_catalog_definitions()
    {
        SchemaAssert.Valid("""{"query":"mug"}""", UcpDocumentKind.CatalogSearchRequest);
        SchemaAssert.Valid("""{"ids":["p1"]}""", UcpDocumentKind.CatalogLookupRequest);
        SchemaAssert.Invalid("""{"ids":[]}""", UcpDocumentKind.CatalogLookupRequest);
        SchemaAssert.Valid("""{"id":"p1"}""", UcpDocumentKind.CatalogGetProductRequest);
        SchemaAssert.Invalid("""{"selected":[]}""", UcpDocumentKind.CatalogGetProductRequest);
    }

    [Fact]
    public async Task Validation_is_safe_from_parallel_callers()
    {
        var schemas = SchemaAssert.Schemas();
        var invalid = JsonNode.Parse(AprCheckoutResponse)!;
        invalid["totals"]![1]!["amount"] = 300;
        var invalidJson = invalid.ToJsonString();

        var outcomes = new ConcurrentBag<(bool ExpectValid, int Errors)>();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, 64),
            new ParallelOptions { CancellationToken = TestContext.Current.CancellationToken },
            (i, _) =>
            {
                var expectValid = i % 2 == 0;
                var document = JsonNode.Parse(expectValid ? AprCheckoutResponse : invalidJson)!;
                outcomes.Add((expectValid, schemas.Validate(document, UcpDocumentKind.CheckoutResponse, [Fulfillment]).Count));
                return ValueTask.CompletedTask;
            });

        Assert.Equal(64, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(o.ExpectValid, o.Errors == 0));
    }
}
