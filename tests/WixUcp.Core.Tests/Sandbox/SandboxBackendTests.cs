using WixUcp.Checkout;
using WixUcp.Commerce;
using WixUcp.Core.Tests.TestSupport;
using WixUcp.Messages;
using WixUcp.Sandbox;
using WixUcp.Tenancy;

namespace WixUcp.Core.Tests.Sandbox;

public sealed class SandboxBackendTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);

    // --- pricing and totals (flower_shop: roses 3500, pot 1500, sunflowers 2500, tulips 3000, orchid 4500, gardenias 2000) ---

    [Fact]
    public async Task Quote_prices_lines_from_the_catalog()
    {
        var backend = Sandboxes.FlowerShop();

        var quote = await QuoteAsync(backend, [("bouquet_roses", 2), ("pot_ceramic", 1)]);

        var roses = quote.Lines[0];
        Assert.True(roses.Found);
        Assert.Equal("li_1", roses.LineId);
        Assert.Equal("Bouquet of Red Roses", roses.Title);
        Assert.Equal(3500, roses.UnitPrice);
        Assert.Equal("https://example.com/roses.jpg", roses.ImageUrl);
        Assert.Equal(1000, roses.AvailableQuantity);
        // 2 x 3500 = 7000
        Assert.Equal([(TotalTypes.Subtotal, 7000L), (TotalTypes.Total, 7000L)], Pairs(roses.Totals));

        // 7000 + 1 x 1500 = 8500; no address, so no fulfillment entry and no options.
        Assert.Equal([(TotalTypes.Subtotal, 8500L), (TotalTypes.Total, 8500L)], Pairs(quote.Totals));
        Assert.Null(quote.ShippingOptions);
        Assert.Null(quote.SelectedShippingOptionId);
        Assert.Empty(quote.Discounts);
    }

    [Fact]
    public async Task Quote_total_is_subtotal_plus_negative_discount_plus_fulfillment()
    {
        var backend = Sandboxes.FlowerShop();

        var quote = await QuoteAsync(backend, [("bouquet_tulips", 1), ("bouquet_sunflowers", 1)], ["FIXED500"], "US", "exp-ship-us");

        // subtotal 3000 + 2500 = 5500; FIXED500 -> -500; US express 1500; total 5500 - 500 + 1500 = 6500.
        Assert.Equal(
            [(TotalTypes.Subtotal, 5500L), (TotalTypes.Discount, -500L), (TotalTypes.Fulfillment, 1500L), (TotalTypes.Total, 6500L)],
            Pairs(quote.Totals));
        Assert.Equal("$5.00 Off", quote.Totals[1].DisplayText);
        Assert.Equal("Express Shipping (US)", quote.Totals[2].DisplayText);
        Assert.Equal(quote.Totals.Single(t => t.Type == TotalTypes.Total).Amount, quote.Totals.Where(t => t.Type != TotalTypes.Total).Sum(t => t.Amount));
        Assert.Equal("exp-ship-us", quote.SelectedShippingOptionId);
        var applied = Assert.Single(quote.Discounts);
        Assert.Equal(("FIXED500", 500L, 1), (applied.Code, applied.Amount, applied.Priority));
    }

    [Fact]
    public async Task Single_percentage_code_takes_its_share_of_the_subtotal()
    {
        var backend = Sandboxes.FlowerShop();

        var quote = await QuoteAsync(backend, [("bouquet_tulips", 1)], ["10OFF"]);

        // 10% of 3000 = 300; total 3000 - 300 = 2700.
        Assert.Equal([(TotalTypes.Subtotal, 3000L), (TotalTypes.Discount, -300L), (TotalTypes.Total, 2700L)], Pairs(quote.Totals));
        Assert.Equal("10% Off", Assert.Single(quote.Discounts).Title);
    }

    [Fact]
    public async Task Codes_apply_in_order_each_to_what_earlier_codes_left()
    {
        var backend = Sandboxes.FlowerShop();

        var percentages = await QuoteAsync(backend, [("bouquet_tulips", 1)], ["10OFF", "WELCOME20"]);
        var fixedFirst = await QuoteAsync(backend, [("bouquet_tulips", 1)], ["FIXED500", "10OFF"]);
        var fixedLast = await QuoteAsync(backend, [("bouquet_tulips", 1)], ["10OFF", "FIXED500"]);

        // 10OFF: 10% of 3000 = 300 (left 2700); WELCOME20: 20% of 2700 = 540; total 3000 - 300 - 540 = 2160.
        Assert.Equal([300L, 540L], percentages.Discounts.Select(d => d.Amount));
        Assert.Equal([1, 2], percentages.Discounts.Select(d => d.Priority ?? 0));
        Assert.Equal(2160, TotalOf(percentages));

        // FIXED500 first: 500 (left 2500), then 10% of 2500 = 250; total 3000 - 750 = 2250.
        Assert.Equal([500L, 250L], fixedFirst.Discounts.Select(d => d.Amount));
        Assert.Equal(2250, TotalOf(fixedFirst));

        // 10OFF first: 300 (left 2700), then 500; total 3000 - 800 = 2200.
        Assert.Equal([300L, 500L], fixedLast.Discounts.Select(d => d.Amount));
        Assert.Equal(2200, TotalOf(fixedLast));
    }

    [Fact]
    public async Task Stacked_codes_keep_the_order_given_and_every_discount_is_a_negative_total()
    {
        var backend = Sandboxes.FlowerShop();

        var quote = await QuoteAsync(backend, [("orchid_white", 2)], ["welcome20", "FIXED500", "10OFF"]);

        Assert.Equal(["welcome20", "FIXED500", "10OFF"], quote.Discounts.Select(d => d.Code));
        Assert.Equal([1, 2, 3], quote.Discounts.Select(d => d.Priority ?? 0));
        Assert.All(quote.Discounts, d => Assert.True(d.Amount > 0));
        Assert.Equal(quote.Discounts.Select(d => -d.Amount), quote.Totals.Where(t => t.Type == TotalTypes.Discount).Select(t => t.Amount));
        // subtotal 2 x 4500 = 9000; total = subtotal minus the applied amounts.
        Assert.Equal(9000 - quote.Discounts.Sum(d => d.Amount), TotalOf(quote));
    }

    [Fact]
    public async Task Discounts_never_exceed_the_subtotal()
    {
        using var dataset = CappingDataset();
        var backend = Sandboxes.Open(dataset.DirectoryPath);

        var quote = await QuoteAsync(backend, [("mug", 1)], ["HALF", "BIG", "TENTH"]);

        // HALF: 50% of 1000 = 500 (left 500); BIG: 800 capped to the 500 left; TENTH: nothing left to take.
        Assert.Equal([("HALF", 500L), ("BIG", 500L)], quote.Discounts.Select(d => (d.Code!, d.Amount)));
        Assert.Equal([(TotalTypes.Subtotal, 1000L), (TotalTypes.Discount, -500L), (TotalTypes.Discount, -500L), (TotalTypes.Total, 0L)], Pairs(quote.Totals));
        var rejected = Assert.Single(quote.RejectedDiscountCodes);
        Assert.Equal(("TENTH", MessageCodes.DiscountCodeCombinationDisallowed), (rejected.Code, rejected.ReasonCode));
    }

    [Fact]
    public async Task Fixed_amount_larger_than_the_subtotal_is_capped()
    {
        using var dataset = CappingDataset();
        var backend = Sandboxes.Open(dataset.DirectoryPath);

        var small = await QuoteAsync(backend, [("coaster", 1)], ["BIG"]);
        var large = await QuoteAsync(backend, [("mug", 1)], ["BIG"]);

        // coaster 600 < BIG 800: the discount is 600 and the total 0.
        Assert.Equal(600, Assert.Single(small.Discounts).Amount);
        Assert.Equal(0, TotalOf(small));
        // mug 1000 - 800 = 200.
        Assert.Equal(200, TotalOf(large));
    }

    [Fact]
    public async Task Percentage_rounds_down_to_whole_minor_units()
    {
        using var dataset = CappingDataset();
        var backend = Sandboxes.Open(dataset.DirectoryPath);

        var quote = await QuoteAsync(backend, [("odd", 1)], ["TENTH"]);

        // 10% of 1999 = 199.9 -> 199; total 1999 - 199 = 1800.
        Assert.Equal(199, Assert.Single(quote.Discounts).Amount);
        Assert.Equal(1800, TotalOf(quote));
    }

    [Fact]
    public async Task Unknown_code_is_rejected_as_invalid()
    {
        var backend = Sandboxes.FlowerShop();

        var quote = await QuoteAsync(backend, [("bouquet_tulips", 1)], ["NOPE"]);

        var rejected = Assert.Single(quote.RejectedDiscountCodes);
        Assert.Equal(("NOPE", MessageCodes.DiscountCodeInvalid), (rejected.Code, rejected.ReasonCode));
        Assert.Empty(quote.Discounts);
        Assert.Equal(3000, TotalOf(quote));
    }

    [Fact]
    public async Task Repeated_code_in_another_case_is_already_applied()
    {
        var backend = Sandboxes.FlowerShop();

        var quote = await QuoteAsync(backend, [("bouquet_tulips", 1)], ["10OFF", "10off"]);

        var applied = Assert.Single(quote.Discounts);
        Assert.Equal(("10OFF", 300L), (applied.Code, applied.Amount));
        var rejected = Assert.Single(quote.RejectedDiscountCodes);
        Assert.Equal(("10off", MessageCodes.DiscountCodeAlreadyApplied), (rejected.Code, rejected.ReasonCode));
        // Counted once: 3000 - 300 = 2700.
        Assert.Equal(2700, TotalOf(quote));
    }

    // --- shipping options ---

    [Fact]
    public async Task Us_gets_its_own_express_rate_and_other_countries_the_default()
    {
        var backend = Sandboxes.FlowerShop();

        var us = await QuoteAsync(backend, [("bouquet_tulips", 1)], country: "US");
        var lowerCase = await QuoteAsync(backend, [("bouquet_tulips", 1)], country: "us");
        var germany = await QuoteAsync(backend, [("bouquet_tulips", 1)], country: "DE");

        // shipping_rates.csv: std-ship default 500, exp-ship-us US 1500, exp-ship-intl default 2500.
        Assert.Equal([("std-ship", 500L), ("exp-ship-us", 1500L)], Options(us));
        Assert.Equal(Options(us), Options(lowerCase));
        Assert.Equal([("std-ship", 500L), ("exp-ship-intl", 2500L)], Options(germany));
        Assert.All(us.ShippingOptions!, o => Assert.False(string.IsNullOrWhiteSpace(o.Description)));
        Assert.Empty(us.Notices);
    }

    [Fact]
    public async Task Options_are_sorted_cheapest_first_whatever_the_file_order()
    {
        using var dataset = new TempDataset()
            .With("products.csv", "id,title,price", "mug,Mug,1000")
            .With(
                "shipping_rates.csv",
                "id,country_code,service_level,price,title",
                "express-any,default,express,2000,Express",
                "standard-any,default,standard,700,Standard",
                "overnight-us,US,overnight,5000,Overnight (US)",
                "economy-any,default,economy,300,Economy",
                "express-us,US,express,1800,Express (US)");
        var backend = Sandboxes.Open(dataset.DirectoryPath);

        var us = await QuoteAsync(backend, [("mug", 1)], country: "US");
        var france = await QuoteAsync(backend, [("mug", 1)], country: "FR");

        Assert.Equal([("economy-any", 300L), ("standard-any", 700L), ("express-us", 1800L), ("overnight-us", 5000L)], Options(us));
        Assert.Equal([("economy-any", 300L), ("standard-any", 700L), ("express-any", 2000L)], Options(france));
    }

    [Fact]
    public async Task Selecting_an_option_not_offered_selects_nothing()
    {
        var backend = Sandboxes.FlowerShop();

        var quote = await QuoteAsync(backend, [("bouquet_tulips", 1)], country: "DE", option: "exp-ship-us");

        Assert.Null(quote.SelectedShippingOptionId);
        Assert.DoesNotContain(quote.Totals, t => t.Type == TotalTypes.Fulfillment);
        Assert.Equal(3000, TotalOf(quote));
    }

    [Fact]
    public async Task Address_without_country_gets_no_options()
    {
        var backend = Sandboxes.FlowerShop();

        var quote = await backend.QuoteAsync(
            new QuoteRequest
            {
                Tenant = UcpTenant.Default,
                CheckoutId = "chk_test",
                Lines = [new QuoteLine { LineId = "li_1", ItemId = "bouquet_tulips", Quantity = 1 }],
                ShippingAddress = new PostalAddress { StreetAddress = "1 Nowhere Rd", AddressCountry = null },
                SelectedShippingOptionId = "std-ship",
            },
            TestContext.Current.CancellationToken);

        Assert.NotNull(quote.ShippingOptions);
        Assert.Empty(quote.ShippingOptions);
        Assert.Null(quote.SelectedShippingOptionId);
    }

    // --- free-shipping promotions ---

    [Fact]
    public async Task Minimum_subtotal_makes_standard_shipping_free_with_a_notice()
    {
        var backend = Sandboxes.FlowerShop();

        var quote = await QuoteAsync(backend, [("orchid_white", 1), ("bouquet_tulips", 2)], country: "US", option: "std-ship");

        // subtotal 4500 + 2 x 3000 = 10500 >= 10000: standard is free, express keeps its price.
        Assert.Equal([("std-ship", 0L), ("exp-ship-us", 1500L)], Options(quote));
        var notice = Assert.Single(quote.Notices);
        Assert.Equal((MessageType.Info, MessageCodes.FreeShipping, "Free Shipping on orders over $100"), (notice.Type, notice.Code, notice.Content));
        // total 10500 + 0 shipping.
        Assert.Equal([(TotalTypes.Subtotal, 10500L), (TotalTypes.Fulfillment, 0L), (TotalTypes.Total, 10500L)], Pairs(quote.Totals));
    }

    [Fact]
    public async Task Minimum_subtotal_is_inclusive_and_measured_before_discounts()
    {
        var backend = Sandboxes.FlowerShop();

        var exactly = await QuoteAsync(backend, [("orchid_white", 1), ("bouquet_sunflowers", 1), ("bouquet_tulips", 1)], ["WELCOME20"], "US");
        var below = await QuoteAsync(backend, [("orchid_white", 1), ("bouquet_tulips", 1), ("pot_ceramic", 1)], country: "US");

        // 4500 + 2500 + 3000 = 10000 reaches the minimum (the official sample compares with >=), even though WELCOME20 lowers the total.
        Assert.Equal(0, exactly.ShippingOptions!.Single(o => o.Id == "std-ship").Amount);
        Assert.Contains(exactly.Notices, n => n.Code == MessageCodes.FreeShipping);
        // 4500 + 3000 + 1500 = 9000 is below it.
        Assert.Equal(500, below.ShippingOptions!.Single(o => o.Id == "std-ship").Amount);
        Assert.Empty(below.Notices);
    }

    [Fact]
    public async Task Eligible_item_makes_standard_shipping_free_with_a_notice()
    {
        var backend = Sandboxes.FlowerShop();

        var quote = await QuoteAsync(backend, [("bouquet_roses", 1)], country: "US", option: "std-ship");

        // 3500 is below the 10000 minimum, but roses are eligible for promo_2.
        Assert.Equal([("std-ship", 0L), ("exp-ship-us", 1500L)], Options(quote));
        var notice = Assert.Single(quote.Notices);
        Assert.Equal((MessageType.Info, MessageCodes.FreeShipping, "Free Shipping on Rose Bouquets"), (notice.Type, notice.Code, notice.Content));
        Assert.Equal(3500, TotalOf(quote));
    }

    [Fact]
    public async Task Eligible_item_promotion_applies_when_its_item_is_in_the_cart()
    {
        using var dataset = new TempDataset()
            .With("products.csv", "id,title,price", "mug,Mug,1000", "cup,Cup,800")
            .With("shipping_rates.csv", "id,country_code,service_level,price,title", "std,default,standard,450,Standard", "exp,default,express,1200,Express")
            .With("promotions.csv", "id,type,min_subtotal,eligible_item_ids,description", "mugs,free_shipping,,\"[\"\"mug\"\"]\",Free shipping with a mug");
        var backend = Sandboxes.Open(dataset.DirectoryPath);

        var withMug = await QuoteAsync(backend, [("cup", 1), ("mug", 1)], country: "CA");
        var withoutMug = await QuoteAsync(backend, [("cup", 3)], country: "CA");

        Assert.Equal([("std", 0L), ("exp", 1200L)], Options(withMug));
        Assert.Equal("Free shipping with a mug", Assert.Single(withMug.Notices).Content);
        Assert.Equal([("std", 450L), ("exp", 1200L)], Options(withoutMug));
        Assert.Empty(withoutMug.Notices);
    }

    // --- unknown items and stock ---

    [Fact]
    public async Task Unknown_item_is_not_found_and_not_priced()
    {
        var backend = Sandboxes.FlowerShop();

        var quote = await QuoteAsync(backend, [("bouquet_tulips", 1), ("no_such_item", 4)]);

        Assert.True(quote.Lines[0].Found);
        var unknown = quote.Lines[1];
        Assert.False(unknown.Found);
        Assert.Equal(("li_2", "no_such_item", 4), (unknown.LineId, unknown.ItemId, unknown.Quantity));
        // Only the tulips count: 3000.
        Assert.Equal(3000, quote.Totals.Single(t => t.Type == TotalTypes.Subtotal).Amount);
    }

    [Fact]
    public async Task Available_quantity_comes_from_inventory_and_is_null_when_untracked()
    {
        using var dataset = new TempDataset()
            .With("products.csv", "id,title,price", "mug,Mug,1000", "cup,Cup,800")
            .With("inventory.csv", "product_id,quantity", "mug,7");
        var backend = Sandboxes.Open(dataset.DirectoryPath);

        var quote = await QuoteAsync(backend, [("mug", 1), ("cup", 1)]);

        Assert.Equal(7, quote.Lines[0].AvailableQuantity);
        Assert.Null(quote.Lines[1].AvailableQuantity);
    }

    [Fact]
    public async Task Successful_order_decrements_stock()
    {
        var backend = Sandboxes.SampleHost();

        var placed = await PlaceAsync(backend, Session("chk_1", ("tea_matcha", 5)), SandboxTokens.Success);

        Assert.Equal(PlaceOrderOutcome.Placed, placed.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(placed.OrderId));
        // inventory.csv: tea_matcha 60; 60 - 5 = 55.
        Assert.Equal(55, await AvailableAsync(backend, "tea_matcha"));
    }

    [Theory]
    [InlineData("fail_token", PlaceOrderOutcome.Declined)]
    [InlineData("3ds_token", PlaceOrderOutcome.RequiresBuyerAction)]
    [InlineData("made_up_token", PlaceOrderOutcome.Declined)]
    public async Task Tokens_other_than_success_place_nothing(string token, PlaceOrderOutcome expected)
    {
        var backend = Sandboxes.SampleHost();

        var result = await PlaceAsync(backend, Session("chk_1", ("tea_matcha", 5)), token);

        Assert.Equal(expected, result.Outcome);
        Assert.Null(result.OrderId);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
        Assert.Equal(60, await AvailableAsync(backend, "tea_matcha"));
    }

    [Fact]
    public async Task A_three_d_secure_payment_is_approved_once_the_buyer_confirmed_the_challenge()
    {
        using var challenges = new SandboxPaymentChallenges();
        var backend = new SandboxBackend(Microsoft.Extensions.Options.Options.Create(new SandboxOptions { DataDirectory = TestData.SampleHostDataset }), challenges);
        var session = Session("chk_3ds", ("tea_matcha", 1));

        var challenged = await PlaceAsync(backend, session, SandboxTokens.RequiresAction);
        Assert.Equal(PlaceOrderOutcome.RequiresBuyerAction, challenged.Outcome);
        Assert.True(challenges.IsPending("default", "chk_3ds"));
        Assert.False(challenges.Confirm("default", "chk_other"));

        Assert.True(challenges.Confirm("default", "chk_3ds"));
        var placed = await PlaceAsync(backend, session, SandboxTokens.RequiresAction);

        Assert.Equal(PlaceOrderOutcome.Placed, placed.Outcome);
        Assert.False(challenges.IsPending("default", "chk_3ds"));
        Assert.Equal(59, await AvailableAsync(backend, "tea_matcha"));
    }

    [Fact]
    public async Task Placing_the_same_checkout_twice_returns_the_first_order_without_charging_again()
    {
        var backend = Sandboxes.SampleHost();
        var session = Session("chk_1", ("tea_matcha", 5));

        var first = await PlaceAsync(backend, session, SandboxTokens.Success);
        var second = await PlaceAsync(backend, session, SandboxTokens.Success);

        Assert.Equal(PlaceOrderOutcome.Placed, second.Outcome);
        Assert.Equal(first.OrderId, second.OrderId);
        // Decremented once: 60 - 5 = 55.
        Assert.Equal(55, await AvailableAsync(backend, "tea_matcha"));
    }

    [Fact]
    public async Task Different_checkouts_get_different_orders()
    {
        var backend = Sandboxes.SampleHost();

        var first = await PlaceAsync(backend, Session("chk_1", ("tea_matcha", 5)), SandboxTokens.Success);
        var second = await PlaceAsync(backend, Session("chk_2", ("tea_matcha", 5)), SandboxTokens.Success);

        Assert.NotEqual(first.OrderId, second.OrderId);
        Assert.NotEqual(first.OrderLabel, second.OrderLabel);
        // 60 - 5 - 5 = 50.
        Assert.Equal(50, await AvailableAsync(backend, "tea_matcha"));
    }

    [Fact]
    public async Task A_declined_payment_can_be_retried_with_another_token()
    {
        var backend = Sandboxes.SampleHost();
        var session = Session("chk_1", ("tea_matcha", 5));

        var declined = await PlaceAsync(backend, session, SandboxTokens.Decline);
        var retried = await PlaceAsync(backend, session, SandboxTokens.Success);

        Assert.Equal(PlaceOrderOutcome.Declined, declined.Outcome);
        Assert.Equal(PlaceOrderOutcome.Placed, retried.Outcome);
        Assert.Equal(55, await AvailableAsync(backend, "tea_matcha"));
    }

    [Fact]
    public async Task Insufficient_stock_reports_the_short_lines_and_keeps_stock()
    {
        var backend = Sandboxes.SampleHost();

        // Two lines of matcha ask for 30 + 31 = 61 of the 60 in stock; the cup line is fine.
        var result = await PlaceAsync(backend, Session("chk_1", ("tea_matcha", 30), ("cup_porcelain", 1), ("tea_matcha", 31)), SandboxTokens.Success);

        Assert.Equal(PlaceOrderOutcome.OutOfStock, result.Outcome);
        Assert.Equal(["li_1", "li_3"], result.OutOfStockLineIds);
        Assert.Null(result.OrderId);
        Assert.Equal(60, await AvailableAsync(backend, "tea_matcha"));
        Assert.Equal(200, await AvailableAsync(backend, "cup_porcelain"));
    }

    [Fact]
    public async Task Item_with_no_stock_cannot_be_ordered()
    {
        var backend = Sandboxes.SampleHost();

        var result = await PlaceAsync(backend, Session("chk_1", ("tea_gift_box", 1)), SandboxTokens.Success);

        Assert.Equal(PlaceOrderOutcome.OutOfStock, result.Outcome);
        Assert.Equal(["li_1"], result.OutOfStockLineIds);
    }

    [Fact]
    public async Task Saved_addresses_are_found_by_email_ignoring_case_and_spaces()
    {
        var backend = Sandboxes.SampleHost();

        var addresses = await backend.FindSavedAddressesAsync(UcpTenant.Default, "  ADA@example.com ", TestContext.Current.CancellationToken);
        var nobody = await backend.FindSavedAddressesAsync(UcpTenant.Default, "nobody@example.com", TestContext.Current.CancellationToken);

        Assert.Equal(["addr_ada_home", "addr_ada_work"], addresses.Select(a => a.Id));
        Assert.Equal("94105", addresses[1].Address.PostalCode);
        Assert.Empty(nobody);
    }

    [Fact]
    public async Task Payment_handler_is_the_one_the_sample_instruments_reference()
    {
        var backend = Sandboxes.SampleHost();

        // payment_instruments.csv references handler_id mock_payment_handler with type card.
        var handler = Assert.Single(await backend.GetPaymentHandlersAsync(UcpTenant.Default, TestContext.Current.CancellationToken));
        Assert.Equal("mock_payment_handler", handler.Id);
        Assert.Equal(["card"], handler.InstrumentTypes);
    }

    private static TempDataset CappingDataset() => new TempDataset()
        .With("products.csv", "id,title,price", "mug,Mug,1000", "coaster,Coaster,600", "odd,Odd Item,1999")
        .With("discounts.csv", "code,type,value,description", "HALF,percentage,50,Half off", "BIG,fixed_amount,800,$8.00 off", "TENTH,percentage,10,10% off");

    private static async Task<CommerceQuote> QuoteAsync(
        SandboxBackend backend,
        IReadOnlyList<(string Item, int Quantity)> lines,
        IReadOnlyList<string>? codes = null,
        string? country = null,
        string? option = null) =>
        await backend.QuoteAsync(
            new QuoteRequest
            {
                Tenant = UcpTenant.Default,
                CheckoutId = "chk_test",
                Lines = lines.Select((l, i) => new QuoteLine { LineId = $"li_{i + 1}", ItemId = l.Item, Quantity = l.Quantity }).ToList(),
                DiscountCodes = codes ?? [],
                ShippingAddress = country is null ? null : new PostalAddress { StreetAddress = "1 Test St", AddressCountry = country },
                SelectedShippingOptionId = option,
            },
            TestContext.Current.CancellationToken);

    private static async Task<long?> AvailableAsync(SandboxBackend backend, string item) =>
        (await QuoteAsync(backend, [(item, 1)])).Lines[0].AvailableQuantity;

    private static async Task<PlaceOrderResult> PlaceAsync(SandboxBackend backend, CheckoutSession session, string token) =>
        await backend.PlaceOrderAsync(
            new PlaceOrderRequest
            {
                Tenant = UcpTenant.Default,
                Checkout = session,
                Instrument = new PaymentInstrument { Id = "instr_1", HandlerId = "mock_payment_handler", Type = "card" },
                Credential = new PaymentCredential { Type = "token", Token = token },
            },
            TestContext.Current.CancellationToken);

    private static CheckoutSession Session(string id, params (string Item, int Quantity)[] lines) => new()
    {
        TenantId = UcpTenant.Default.Id,
        Id = id,
        Status = CheckoutStatus.ReadyForComplete,
        Currency = "USD",
        Lines = lines.Select((l, i) => new CheckoutLine { Id = $"li_{i + 1}", ItemId = l.Item, Title = l.Item, UnitPrice = 100, Quantity = l.Quantity }).ToList(),
        CreatedAt = Now,
        UpdatedAt = Now,
        ExpiresAt = Now.AddHours(6),
    };

    private static long TotalOf(CommerceQuote quote) => quote.Totals.Single(t => t.Type == TotalTypes.Total).Amount;

    private static List<(string Type, long Amount)> Pairs(IEnumerable<Total> totals) => totals.Select(t => (t.Type, t.Amount)).ToList();

    private static List<(string Id, long Amount)> Options(CommerceQuote quote) =>
        Assert.IsAssignableFrom<IReadOnlyList<FulfillmentOption>>(quote.ShippingOptions).Select(o => (o.Id, o.Amount)).ToList();
}
