using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WixUcp.Checkout;
using WixUcp.Commerce;
using WixUcp.Core.Tests.TestSupport;
using WixUcp.Messages;
using WixUcp.Negotiation;
using WixUcp.Orders;
using WixUcp.Protocol;
using WixUcp.Sandbox;
using WixUcp.Tenancy;

namespace WixUcp.Core.Tests.Checkout;

/// <summary>
/// The checkout engine over the sample host's dataset: tea_sencha 1200, tea_assam 1450, tea_chamomile 950, tea_matcha 2800
/// (60 in stock), pot_cast_iron 5400, cup_porcelain 900, tea_gift_box 3900 (none in stock); standard shipping 600 anywhere,
/// express 1400 in the US; free standard shipping from 7500 or with a teapot; ada@example.com has two saved addresses.
/// </summary>
public sealed class CheckoutServiceTests
{
    private const string Version = "2026-04-08";
    private static readonly Uri PlatformA = new("https://platform.example/profile");
    private static readonly Uri PlatformB = new("https://other-platform.example/profile");
    private static readonly Uri BaseUrl = new("https://merchant.example/");
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly PostalAddress UsAddress = new()
    {
        StreetAddress = "1 Market St",
        AddressLocality = "San Francisco",
        AddressRegion = "CA",
        PostalCode = "94105",
        AddressCountry = "US",
    };

    private readonly FakeTimeProvider _time = new(Start);
    private readonly WixUcpOptions _options = new();
    private readonly RecordingSessionStore _sessions;
    private readonly RecordingOrderStore _orders = new();
    private readonly ScriptedBackend _backend = new(Sandboxes.SampleHost());
    private readonly CheckoutService _service;
    private readonly CheckoutRequestContext _context = Context(PlatformA);

    public CheckoutServiceTests()
    {
        _sessions = new RecordingSessionStore(new InMemoryCheckoutSessionStore(_time));
        _service = new CheckoutService(_sessions, new InMemoryCheckoutCompletionStore(_sessions, _orders, new WixUcp.Webhooks.InMemoryWebhookOutbox(Options.Create(new WixUcpOptions()))), _backend, _time, Options.Create(_options), NullLogger<CheckoutService>.Instance);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // --- create ---

    [Fact]
    public async Task Create_with_only_lines_is_incomplete_and_says_what_is_missing()
    {
        var result = await _service.CreateAsync(LinesInput(("tea_sencha", 2), ("cup_porcelain", 1)), _context, Ct);

        Assert.Equal(CheckoutResultKind.Created, result.Kind);
        var session = result.Session!;
        Assert.Equal(CheckoutStatus.Incomplete, session.Status);
        Assert.Equal(["li_1", "li_2"], session.Lines.Select(l => l.Id));
        Assert.Equal(("Sencha Green Tea 100g", 1200L), (session.Lines[0].Title, session.Lines[0].UnitPrice));
        // 2 x 1200 + 1 x 900 = 3300; nothing else is known yet.
        Assert.Equal([(TotalTypes.Subtotal, 3300L), (TotalTypes.Total, 3300L)], Pairs(session.Totals));
        Assert.Equal(
            ["$.buyer.email", "$.fulfillment.methods"],
            session.Messages.Where(m => m.IsError).Select(m => m.Path!).Order(StringComparer.Ordinal));
        Assert.All(session.Messages, m => Assert.Equal((MessageCodes.Missing, MessageSeverity.Recoverable), (m.Code, m.Severity)));
        Assert.NotNull(session.ContinueUrl);
        Assert.Equal(Start.AddHours(6), session.ExpiresAt);
        Assert.Equal(PlatformA.AbsoluteUri, session.PlatformProfile);

        var stored = await _service.GetAsync(session.Id, _context, Ct);
        Assert.Equal(CheckoutResultKind.Ok, stored.Kind);
        Assert.Equal(session.Totals, stored.Session!.Totals);
    }

    [Fact]
    public async Task Create_with_address_option_and_email_is_ready_for_complete()
    {
        var session = await CreateReadyAsync();

        Assert.Empty(session.Messages);
        var method = Assert.Single(session.Fulfillment!);
        Assert.Equal(method.Destinations[0].Id, method.SelectedDestinationId);
        Assert.Equal(["li_1", "li_2"], method.LineItemIds);
        var group = Assert.Single(method.Groups);
        Assert.Equal("ship-standard", group.SelectedOptionId);
        // subtotal 3300 + standard shipping 600 = 3900 (3300 is below the 7500 free-shipping minimum).
        Assert.Equal([(TotalTypes.Subtotal, 3300L), (TotalTypes.Fulfillment, 600L), (TotalTypes.Total, 3900L)], Pairs(session.Totals));
    }

    [Fact]
    public async Task Saved_address_path_to_completion_stores_an_order_for_the_platform()
    {
        var created = await _service.CreateAsync(
            new CheckoutInput { Lines = [new LineInput(null, "tea_sencha", 2), new LineInput(null, "cup_porcelain", 1)], Buyer = new Buyer { Email = "ada@example.com" } },
            _context,
            Ct);

        // The known buyer's saved addresses are offered; one must be chosen.
        var offered = created.Session!;
        Assert.Equal(CheckoutStatus.Incomplete, offered.Status);
        Assert.Equal(["addr_ada_home", "addr_ada_work"], Assert.Single(offered.Fulfillment!).Destinations.Select(d => d.Id));
        Assert.Equal("$.fulfillment.methods[0].selected_destination_id", Assert.Single(offered.Messages, m => m.IsError).Path);

        var addressed = await _service.UpdateAsync(
            offered.Id,
            new CheckoutInput { Lines = Echo(offered), FulfillmentMethods = [new FulfillmentMethodInput { SelectedDestinationId = "addr_ada_work" }] },
            _context,
            Ct);
        Assert.Equal(CheckoutResultKind.Ok, addressed.Kind);
        var group = Assert.Single(Assert.Single(addressed.Session!.Fulfillment!).Groups);
        // San Francisco is in the US: standard 600, express (US) 1400, cheapest first.
        Assert.Equal([("ship-standard", 600L), ("ship-express-us", 1400L)], group.Options.Select(o => (o.Id, o.Amount)));
        Assert.Equal("$.fulfillment.methods[0].groups[0].selected_option_id", Assert.Single(addressed.Session.Messages, m => m.IsError).Path);

        var chosen = await _service.UpdateAsync(
            offered.Id,
            new CheckoutInput { Lines = Echo(offered), FulfillmentMethods = [new FulfillmentMethodInput { Groups = [new GroupInput(group.Id, "ship-express-us")] }] },
            _context,
            Ct);
        var ready = chosen.Session!;
        Assert.Equal(CheckoutStatus.ReadyForComplete, ready.Status);
        // 3300 + express 1400 = 4700.
        Assert.Equal([(TotalTypes.Subtotal, 3300L), (TotalTypes.Fulfillment, 1400L), (TotalTypes.Total, 4700L)], Pairs(ready.Totals));

        var completed = await _service.CompleteAsync(ready.Id, Pay(SandboxTokens.Success), _context, Ct);

        Assert.Equal(CheckoutResultKind.Ok, completed.Kind);
        var done = completed.Session!;
        Assert.Equal(CheckoutStatus.Completed, done.Status);
        Assert.Null(done.ContinueUrl);
        Assert.DoesNotContain(done.Messages, m => m.IsError);
        var confirmation = Assert.IsType<OrderConfirmation>(done.Order);
        var order = Assert.Single(_orders.Created);
        Assert.Equal(confirmation.Id, order.Id);
        Assert.Equal(done.Id, order.CheckoutId);
        Assert.Equal(ready.Totals, order.Totals);
        Assert.Equal([("li_1", "tea_sencha", 2), ("li_2", "cup_porcelain", 1)], order.Lines.Select(l => (l.Id, l.ItemId, l.Quantity)));
        var expectation = Assert.Single(order.Expectations);
        Assert.Equal("94105", expectation.Destination.PostalCode);
        Assert.Equal("Express Shipping (US)", expectation.Description);

        var orderService = new OrderService(_orders);
        Assert.Same(order, await orderService.GetAsync(UcpTenant.Default, order.Id, PlatformA, Ct));
        Assert.Null(await orderService.GetAsync(UcpTenant.Default, order.Id, PlatformB, Ct));
        Assert.Equal(CheckoutStatus.Completed, (await _service.GetAsync(done.Id, _context, Ct)).Session!.Status);
    }

    [Fact]
    public async Task Discount_codes_reduce_the_total_and_rejected_codes_warn_at_their_index()
    {
        var created = await _service.CreateAsync(ReadyInput() with { DiscountCodes = ["STEEP10", "BOGUS"] }, _context, Ct);

        var session = created.Session!;
        Assert.Equal(CheckoutStatus.ReadyForComplete, session.Status);
        Assert.Equal(["STEEP10", "BOGUS"], session.DiscountCodes);
        // STEEP10: 10% of 3300 = 330; total 3300 - 330 + 600 = 3570.
        Assert.Equal(
            [(TotalTypes.Subtotal, 3300L), (TotalTypes.Discount, -330L), (TotalTypes.Fulfillment, 600L), (TotalTypes.Total, 3570L)],
            Pairs(session.Totals));
        var warning = Assert.Single(session.Messages);
        Assert.Equal((MessageType.Warning, MessageCodes.DiscountCodeInvalid, "$.discounts.codes[1]"), (warning.Type, warning.Code, warning.Path));
    }

    [Fact]
    public async Task Discount_codes_are_ignored_without_the_discount_capability()
    {
        var context = Context(PlatformA, UcpCapabilities.Checkout, UcpCapabilities.Fulfillment);

        var created = await _service.CreateAsync(ReadyInput() with { DiscountCodes = ["STEEP10"] }, context, Ct);

        Assert.Empty(created.Session!.DiscountCodes);
        Assert.Empty(created.Session.AppliedDiscounts);
        Assert.Equal(3900, TotalOf(created.Session));
    }

    [Fact]
    public async Task Repeated_code_warns_at_its_own_index()
    {
        var created = await _service.CreateAsync(ReadyInput() with { DiscountCodes = ["STEEP10", "steep10"] }, _context, Ct);

        var session = created.Session!;
        // Applied once: 10% of 3300 = 330.
        Assert.Equal(330, Assert.Single(session.AppliedDiscounts).Amount);
        var warning = Assert.Single(session.Messages);
        Assert.Equal((MessageCodes.DiscountCodeAlreadyApplied, "$.discounts.codes[1]"), (warning.Code, warning.Path));
    }

    // --- fulfillment ---

    [Fact]
    public async Task Destination_without_a_country_is_undeliverable()
    {
        var input = ReadyInput() with
        {
            FulfillmentMethods = [new FulfillmentMethodInput { Destinations = [new DestinationInput("home", UsAddress with { AddressCountry = null })] }],
        };

        var session = (await _service.CreateAsync(input, _context, Ct)).Session!;

        var error = Assert.Single(session.Messages, m => m.IsError);
        Assert.Equal((MessageCodes.AddressUndeliverable, "$.fulfillment.methods[0].destinations[0]"), (error.Code, error.Path));
        Assert.Equal("home", Assert.Single(session.Fulfillment!).SelectedDestinationId);
        Assert.Equal(CheckoutStatus.Incomplete, session.Status);
    }

    [Fact]
    public async Task New_destination_where_the_chosen_option_is_not_offered_asks_to_choose_again()
    {
        var ready = (await _service.CreateAsync(
            ReadyInput() with { FulfillmentMethods = [new FulfillmentMethodInput { Destinations = [new DestinationInput(null, UsAddress)], Groups = [new GroupInput(null, "ship-express-us")] }] },
            _context,
            Ct)).Session!;
        Assert.Equal(CheckoutStatus.ReadyForComplete, ready.Status);
        var london = new PostalAddress { StreetAddress = "12 St James's Square", AddressLocality = "London", PostalCode = "SW1Y 4JH", AddressCountry = "GB" };

        var moved = (await _service.UpdateAsync(
            ready.Id,
            new CheckoutInput { Lines = Echo(ready), FulfillmentMethods = [new FulfillmentMethodInput { Destinations = [new DestinationInput(null, london)] }] },
            _context,
            Ct)).Session!;

        Assert.Equal(CheckoutStatus.Incomplete, moved.Status);
        var path = "$.fulfillment.methods[0].groups[0].selected_option_id";
        Assert.Contains(moved.Messages, m => m.Type == MessageType.Warning && m.Code == MessageCodes.FulfillmentChanged && m.Path == path);
        Assert.Contains(moved.Messages, m => m.IsError && m.Code == MessageCodes.Missing && m.Path == path);
        // Outside the US: standard 600 and international express 2900.
        var group = Assert.Single(Assert.Single(moved.Fulfillment!).Groups);
        Assert.Equal([("ship-standard", 600L), ("ship-express-intl", 2900L)], group.Options.Select(o => (o.Id, o.Amount)));
        Assert.Null(group.SelectedOptionId);
        Assert.Equal([(TotalTypes.Subtotal, 3300L), (TotalTypes.Total, 3300L)], Pairs(moved.Totals));
    }

    [Theory]
    [InlineData("")]
    [InlineData("dest_from_platform")]
    public async Task A_saved_address_sent_back_under_another_id_keeps_the_saved_id(string sentId)
    {
        // addr_ada_work is 500 Howard St, San Francisco, CA 94105, US; spacing and case differ, names are extra.
        var work = new PostalAddress
        {
            StreetAddress = " 500  howard st",
            AddressLocality = "San Francisco",
            AddressRegion = "ca",
            PostalCode = "94105",
            AddressCountry = "us",
            FirstName = "Ada",
        };
        var input = ReadyInput() with
        {
            Buyer = new Buyer { Email = "ada@example.com" },
            FulfillmentMethods = [new FulfillmentMethodInput { Destinations = [new DestinationInput(sentId, work), new DestinationInput("other", UsAddress)], SelectedDestinationId = sentId.Length > 0 ? sentId : null }],
        };

        var session = (await _service.CreateAsync(input, _context, Ct)).Session!;

        var method = Assert.Single(session.Fulfillment!);
        Assert.Equal(["addr_ada_work", "other"], method.Destinations.Select(d => d.Id));
        if (sentId.Length > 0)
        {
            Assert.Equal("addr_ada_work", method.SelectedDestinationId);
        }
    }

    [Fact]
    public async Task Unknown_selected_destination_is_invalid()
    {
        var input = ReadyInput() with
        {
            FulfillmentMethods = [new FulfillmentMethodInput { Destinations = [new DestinationInput("a", UsAddress), new DestinationInput("b", UsAddress)], SelectedDestinationId = "c" }],
        };

        var session = (await _service.CreateAsync(input, _context, Ct)).Session!;

        Assert.Contains(session.Messages, m => m.IsError && m.Code == MessageCodes.Invalid && m.Path == "$.fulfillment.methods[0].selected_destination_id");
        Assert.Null(Assert.Single(session.Fulfillment!).SelectedDestinationId);
        Assert.Equal(CheckoutStatus.Incomplete, session.Status);
    }

    [Fact]
    public async Task Pickup_is_not_offered()
    {
        var input = ReadyInput() with
        {
            FulfillmentMethods = [new FulfillmentMethodInput { Type = FulfillmentType.Pickup, Destinations = [new DestinationInput(null, UsAddress)], Groups = [new GroupInput(null, "ship-standard")] }],
        };

        var session = (await _service.CreateAsync(input, _context, Ct)).Session!;

        var error = Assert.Single(session.Messages, m => m.IsError);
        Assert.Equal((MessageCodes.Invalid, "$.fulfillment.methods[0].type"), (error.Code, error.Path));
        Assert.Equal(CheckoutStatus.Incomplete, session.Status);
    }

    [Theory]
    [InlineData("pot_cast_iron", 1, 5400)] // 5400 is below the 7500 minimum, but a teapot ships free (promo_teapot).
    [InlineData("tea_matcha", 3, 8400)] // 3 x 2800 = 8400 reaches the 7500 minimum (promo_free_75).
    public async Task Free_shipping_promotion_zeroes_standard_shipping_with_a_notice(string item, int quantity, long subtotal)
    {
        var input = ReadyInput() with { Lines = [new LineInput(null, item, quantity)] };

        var session = (await _service.CreateAsync(input, _context, Ct)).Session!;

        // Standard shipping (selected) costs 0, so the total is the subtotal.
        Assert.Equal([(TotalTypes.Subtotal, subtotal), (TotalTypes.Fulfillment, 0L), (TotalTypes.Total, subtotal)], Pairs(session.Totals));
        var notice = Assert.Single(session.Messages);
        Assert.Equal((MessageType.Info, MessageCodes.FreeShipping), (notice.Type, notice.Code));
        Assert.Equal(CheckoutStatus.ReadyForComplete, session.Status);
    }

    // --- complete ---

    [Fact]
    public async Task Declined_payment_leaves_the_checkout_incomplete_without_an_order()
    {
        var ready = await CreateReadyAsync();

        var result = await _service.CompleteAsync(ready.Id, Pay(SandboxTokens.Decline), _context, Ct);

        Assert.Equal(CheckoutResultKind.Ok, result.Kind);
        var session = result.Session!;
        Assert.Equal(CheckoutStatus.Incomplete, session.Status);
        Assert.Null(session.Order);
        var error = Assert.Single(session.Messages, m => m.IsError);
        Assert.Equal((MessageCodes.PaymentFailed, "$.payment.instruments[0]", MessageSeverity.Recoverable), (error.Code, error.Path, error.Severity));
        Assert.Empty(_orders.Created);

        // The decline is recoverable: another instrument completes the same checkout.
        var retried = await _service.CompleteAsync(ready.Id, Pay(SandboxTokens.Success), _context, Ct);
        Assert.Equal(CheckoutStatus.Completed, retried.Session!.Status);
        Assert.Single(_orders.Created);
    }

    [Fact]
    public async Task Three_d_secure_escalates_to_the_buyer_with_a_continue_url()
    {
        var ready = await CreateReadyAsync();

        var result = await _service.CompleteAsync(ready.Id, Pay(SandboxTokens.RequiresAction), _context, Ct);

        var session = result.Session!;
        Assert.Equal(CheckoutStatus.RequiresEscalation, session.Status);
        var error = Assert.Single(session.Messages, m => m.IsError);
        Assert.Equal((MessageCodes.Requires3ds, MessageSeverity.RequiresBuyerInput, "$.payment.instruments[0]"), (error.Code, error.Severity, error.Path));
        var continueUrl = Assert.IsType<Uri>(session.ContinueUrl);
        Assert.True(continueUrl.IsAbsoluteUri);
        Assert.StartsWith(BaseUrl.AbsoluteUri, continueUrl.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains(session.Id, continueUrl.AbsoluteUri, StringComparison.Ordinal);
        Assert.Null(session.Order);
        Assert.Empty(_orders.Created);
    }

    [Fact]
    public async Task Handler_not_offered_is_an_invalid_instrument_and_nothing_is_charged()
    {
        var ready = await CreateReadyAsync();

        var result = await _service.CompleteAsync(ready.Id, Pay(SandboxTokens.Success, handlerId: "com.example.other_psp"), _context, Ct);

        var session = result.Session!;
        Assert.Equal(CheckoutStatus.Incomplete, session.Status);
        var error = Assert.Single(session.Messages, m => m.IsError);
        Assert.Equal((MessageCodes.Invalid, "$.payment.instruments[0].handler_id"), (error.Code, error.Path));
        Assert.Null(session.Order);
        Assert.Empty(_orders.Created);
    }

    [Fact]
    public async Task Selected_instrument_is_the_one_checked()
    {
        var ready = await CreateReadyAsync();
        var input = new CheckoutInput
        {
            PaymentInstruments =
            [
                new InstrumentInput(new PaymentInstrument { Id = "instr_ok", HandlerId = "mock_payment_handler", Type = "card" }, new PaymentCredential { Type = "token", Token = SandboxTokens.Success }),
                new InstrumentInput(new PaymentInstrument { Id = "instr_wallet", HandlerId = "mock_payment_handler", Type = "wallet", Selected = true }, new PaymentCredential { Type = "token", Token = SandboxTokens.Success }),
            ],
        };

        var result = await _service.CompleteAsync(ready.Id, input, _context, Ct);

        // The sandbox handler takes cards only, and the second instrument is the selected one.
        var error = Assert.Single(result.Session!.Messages, m => m.IsError);
        Assert.Equal((MessageCodes.Invalid, "$.payment.instruments[1].type"), (error.Code, error.Path));
        Assert.Empty(_orders.Created);
    }

    [Fact]
    public async Task Instrument_without_a_token_is_missing_its_credential()
    {
        var ready = await CreateReadyAsync();
        var input = new CheckoutInput
        {
            PaymentInstruments = [new InstrumentInput(new PaymentInstrument { Id = "instr_1", HandlerId = "mock_payment_handler", Type = "card" }, null)],
        };

        var result = await _service.CompleteAsync(ready.Id, input, _context, Ct);

        var error = Assert.Single(result.Session!.Messages, m => m.IsError);
        Assert.Equal((MessageCodes.Missing, "$.payment.instruments[0].credential"), (error.Code, error.Path));
        Assert.Equal(CheckoutStatus.Incomplete, result.Session.Status);
    }

    [Fact]
    public async Task Complete_without_instruments_is_a_bad_request()
    {
        var ready = await CreateReadyAsync();

        var error = await Assert.ThrowsAsync<UcpRequestException>(async () => await _service.CompleteAsync(ready.Id, new CheckoutInput(), _context, Ct));

        Assert.Equal("$.payment.instruments", error.Path);
    }

    [Fact]
    public async Task Complete_of_an_incomplete_checkout_places_no_order()
    {
        var created = await _service.CreateAsync(LinesInput(("tea_sencha", 1)), _context, Ct);

        var result = await _service.CompleteAsync(created.Session!.Id, Pay(SandboxTokens.Success), _context, Ct);

        Assert.Equal(CheckoutStatus.Incomplete, result.Session!.Status);
        Assert.Null(result.Session.Order);
        Assert.Empty(_orders.Created);
    }

    [Fact]
    public async Task Stock_running_out_at_placement_marks_the_sold_out_lines()
    {
        var ready = await CreateReadyAsync();
        _backend.OnPlaceOrder = request => Task.FromResult(new PlaceOrderResult
        {
            Outcome = PlaceOrderOutcome.OutOfStock,
            Message = "Some items sold out.",
            OutOfStockLineIds = [request.Checkout.Lines[1].Id],
        });

        var session = (await _service.CompleteAsync(ready.Id, Pay(SandboxTokens.Success), _context, Ct)).Session!;

        Assert.Equal(CheckoutStatus.Incomplete, session.Status);
        var error = Assert.Single(session.Messages, m => m.IsError);
        Assert.Equal((MessageCodes.OutOfStock, "$.line_items[1]"), (error.Code, error.Path));
        Assert.Null(session.Order);
        Assert.Empty(_orders.Created);
    }

    [Fact]
    public async Task Backend_failure_during_placement_hands_the_checkout_back()
    {
        var ready = await CreateReadyAsync();
        _backend.OnPlaceOrder = _ => throw new CommerceBackendException("The payment service timed out.");

        await Assert.ThrowsAsync<CommerceBackendException>(async () => await _service.CompleteAsync(ready.Id, Pay(SandboxTokens.Success), _context, Ct));

        Assert.Equal(CheckoutStatus.ReadyForComplete, (await _service.GetAsync(ready.Id, _context, Ct)).Session!.Status);
        _backend.OnPlaceOrder = null;
        var retried = await _service.CompleteAsync(ready.Id, Pay(SandboxTokens.Success), _context, Ct);
        Assert.Equal(CheckoutStatus.Completed, retried.Session!.Status);
    }

    [Fact]
    public async Task Complete_while_another_complete_is_running_is_refused_and_charges_once()
    {
        var ready = await CreateReadyAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inner = _backend.Inner;
        _backend.OnPlaceOrder = async request =>
        {
            entered.SetResult();
            await release.Task;
            return await inner.PlaceOrderAsync(request, CancellationToken.None);
        };

        var first = _service.CompleteAsync(ready.Id, Pay(SandboxTokens.Success), _context, Ct).AsTask();
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var inProgress = (await _service.GetAsync(ready.Id, _context, Ct)).Session!;
        var second = await _service.CompleteAsync(ready.Id, Pay(SandboxTokens.Success), _context, Ct);
        release.SetResult();
        var completed = await first;

        Assert.Equal(CheckoutStatus.CompleteInProgress, inProgress.Status);
        Assert.Equal(CheckoutResultKind.Conflict, second.Kind);
        Assert.Equal(CheckoutStatus.Completed, completed.Session!.Status);
        Assert.Equal(1, _backend.PlaceOrderCalls);
        Assert.Single(_orders.Created);
    }

    [Fact]
    public async Task A_completion_claim_left_by_a_crashed_request_can_be_retried_and_places_one_order()
    {
        var ready = await CreateReadyAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inner = _backend.Inner;
        _backend.OnPlaceOrder = async request =>
        {
            entered.TrySetResult();
            await release.Task;
            return await inner.PlaceOrderAsync(request, CancellationToken.None);
        };

        // The first completion hangs inside the backend, as a request on a replica that died would.
        var hung = _service.CompleteAsync(ready.Id, Pay(SandboxTokens.Success), _context, Ct).AsTask();
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        _backend.OnPlaceOrder = null;

        var tooSoon = await _service.CompleteAsync(ready.Id, Pay(SandboxTokens.Success), _context, Ct);
        Assert.Equal(CheckoutResultKind.Conflict, tooSoon.Kind);

        _time.Advance(TimeSpan.FromMinutes(3));
        var retried = await _service.CompleteAsync(ready.Id, Pay(SandboxTokens.Success), _context, Ct);
        Assert.Equal(CheckoutStatus.Completed, retried.Session!.Status);

        // When the hung request wakes up, the backend recognises the checkout and nothing is placed twice.
        release.SetResult();
        var late = await hung;
        Assert.Equal(CheckoutResultKind.Conflict, late.Kind);
        Assert.Single(_orders.Created.Select(o => o.Id).Distinct());
        Assert.Equal(retried.Session.Order!.Id, _orders.Created[0].Id);
    }

    // --- lifecycle ---

    [Fact]
    public async Task Completed_checkout_refuses_update_complete_and_cancel()
    {
        var ready = await CreateReadyAsync();
        var done = (await _service.CompleteAsync(ready.Id, Pay(SandboxTokens.Success), _context, Ct)).Session!;

        var update = await _service.UpdateAsync(done.Id, new CheckoutInput { Lines = Echo(done) }, _context, Ct);
        var complete = await _service.CompleteAsync(done.Id, Pay(SandboxTokens.Success), _context, Ct);
        var cancel = await _service.CancelAsync(done.Id, _context, Ct);

        Assert.All([update, complete, cancel], r => Assert.Equal(CheckoutResultKind.Conflict, r.Kind));
        Assert.All([update, complete, cancel], r => Assert.Contains(r.Messages, m => m.IsError));
        var stored = (await _service.GetAsync(done.Id, _context, Ct)).Session!;
        Assert.Equal((CheckoutStatus.Completed, done.Version), (stored.Status, stored.Version));
        Assert.Single(_orders.Created);
    }

    [Fact]
    public async Task Cancel_from_incomplete_then_every_change_is_refused()
    {
        var created = (await _service.CreateAsync(LinesInput(("tea_sencha", 1)), _context, Ct)).Session!;

        var canceled = await _service.CancelAsync(created.Id, _context, Ct);

        Assert.Equal(CheckoutResultKind.Ok, canceled.Kind);
        Assert.Equal(CheckoutStatus.Canceled, canceled.Session!.Status);
        Assert.Null(canceled.Session.ContinueUrl);

        var update = await _service.UpdateAsync(created.Id, new CheckoutInput { Lines = Echo(created) }, _context, Ct);
        var complete = await _service.CompleteAsync(created.Id, Pay(SandboxTokens.Success), _context, Ct);
        var cancelAgain = await _service.CancelAsync(created.Id, _context, Ct);
        Assert.All([update, complete, cancelAgain], r => Assert.Equal(CheckoutResultKind.Conflict, r.Kind));
        Assert.Equal(CheckoutStatus.Canceled, (await _service.GetAsync(created.Id, _context, Ct)).Session!.Status);
        Assert.Empty(_orders.Created);
    }

    [Fact]
    public async Task Ready_checkout_can_be_canceled()
    {
        var ready = await CreateReadyAsync();

        var canceled = await _service.CancelAsync(ready.Id, _context, Ct);

        Assert.Equal(CheckoutStatus.Canceled, canceled.Session!.Status);
    }

    [Fact]
    public async Task Checkout_expires_six_hours_after_creation()
    {
        var created = (await _service.CreateAsync(LinesInput(("tea_sencha", 1)), _context, Ct)).Session!;

        _time.Advance(TimeSpan.FromHours(6) - TimeSpan.FromSeconds(1));
        var before = (await _service.GetAsync(created.Id, _context, Ct)).Session!;
        _time.Advance(TimeSpan.FromSeconds(2));
        var after = (await _service.GetAsync(created.Id, _context, Ct)).Session!;

        Assert.Equal(CheckoutStatus.Incomplete, before.Status);
        Assert.Equal(CheckoutStatus.Canceled, after.Status);
        Assert.Null(after.ContinueUrl);
        var update = await _service.UpdateAsync(created.Id, new CheckoutInput { Lines = Echo(created) }, _context, Ct);
        Assert.Equal(CheckoutResultKind.Conflict, update.Kind);
    }

    [Fact]
    public async Task Expired_ready_checkout_cannot_be_completed()
    {
        var ready = await CreateReadyAsync();
        _time.Advance(TimeSpan.FromHours(7));

        var result = await _service.CompleteAsync(ready.Id, Pay(SandboxTokens.Success), _context, Ct);

        Assert.Equal(CheckoutResultKind.Conflict, result.Kind);
        Assert.Empty(_orders.Created);
    }

    // --- line items ---

    [Fact]
    public async Task Unknown_item_rejects_the_create_and_stores_nothing()
    {
        var result = await _service.CreateAsync(LinesInput(("tea_sencha", 1), ("no_such_tea", 1)), _context, Ct);

        Assert.Equal(CheckoutResultKind.Rejected, result.Kind);
        Assert.Null(result.Session);
        var error = Assert.Single(result.Messages);
        Assert.Equal((MessageCodes.ItemUnavailable, "$.line_items[1].item.id", MessageSeverity.Unrecoverable), (error.Code, error.Path, error.Severity));
        Assert.Equal(0, _sessions.Creates);
        Assert.Equal(0, _sessions.Updates);
    }

    [Fact]
    public async Task Unknown_item_rejects_an_update_and_keeps_the_stored_checkout()
    {
        var created = (await _service.CreateAsync(LinesInput(("tea_sencha", 1)), _context, Ct)).Session!;

        var result = await _service.UpdateAsync(created.Id, LinesInput(("no_such_tea", 1)), _context, Ct);

        Assert.Equal(CheckoutResultKind.Rejected, result.Kind);
        Assert.Equal("$.line_items[0].item.id", Assert.Single(result.Messages).Path);
        var stored = (await _service.GetAsync(created.Id, _context, Ct)).Session!;
        Assert.Equal((created.Version, "tea_sencha"), (stored.Version, Assert.Single(stored.Lines).ItemId));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-1, 0)]
    public async Task Quantity_below_one_is_a_bad_request_naming_the_line(int quantity, int index)
    {
        _options.Checkout.MaxQuantity = 20;
        var lines = new List<LineInput> { new(null, "tea_sencha", 1) };
        lines.Insert(index, new LineInput(null, "cup_porcelain", quantity));

        var error = await Assert.ThrowsAsync<UcpRequestException>(async () => await _service.CreateAsync(new CheckoutInput { Lines = lines }, _context, Ct));

        Assert.Equal($"$.line_items[{index}].quantity", error.Path);
        Assert.Equal(0, _sessions.Creates);
    }

    [Fact]
    public async Task Quantity_above_the_maximum_is_clamped_with_a_quantity_adjusted_warning()
    {
        _options.Checkout.MaxQuantity = 20;

        var result = await _service.CreateAsync(LinesInput(("tea_sencha", 1), ("cup_porcelain", 21)), _context, Ct);

        Assert.Equal(CheckoutResultKind.Created, result.Kind);
        var session = result.Session!;
        Assert.Equal([1, 20], session.Lines.Select(l => l.Quantity));
        var warning = Assert.Single(session.Messages, m => m.Code == MessageCodes.QuantityAdjusted);
        Assert.Equal((MessageType.Warning, "$.line_items[1].quantity"), (warning.Type, warning.Path));
        // 1 x 1200 + 20 x 900 = 19200.
        Assert.Equal(19200, session.Totals.Single(t => t.Type == TotalTypes.Subtotal).Amount);

        // Echoing the clamped quantity back is a plain update: no warning any more.
        var echoed = await _service.UpdateAsync(session.Id, new CheckoutInput { Lines = Echo(session) }, _context, Ct);
        Assert.DoesNotContain(echoed.Session!.Messages, m => m.Code == MessageCodes.QuantityAdjusted);
    }

    [Fact]
    public async Task Quantity_above_the_maximum_and_the_stock_is_clamped_and_out_of_stock()
    {
        _options.Checkout.MaxQuantity = 100;

        // tea_matcha has 60 in stock: the quantity is clamped to 100, and stock is the real limit.
        var session = (await _service.CreateAsync(LinesInput(("tea_matcha", 150)), _context, Ct)).Session!;

        Assert.Equal(100, Assert.Single(session.Lines).Quantity);
        Assert.Contains(session.Messages, m => m.Code == MessageCodes.QuantityAdjusted && m.Path == "$.line_items[0].quantity");
        Assert.Contains(session.Messages, m => m.IsError && m.Code == MessageCodes.OutOfStock && m.Path == "$.line_items[0]");
        Assert.Equal(CheckoutStatus.Incomplete, session.Status);
    }

    [Fact]
    public async Task Quantity_equal_to_the_maximum_is_accepted()
    {
        _options.Checkout.MaxQuantity = 20;

        var result = await _service.CreateAsync(LinesInput(("cup_porcelain", 20)), _context, Ct);

        Assert.Equal(CheckoutResultKind.Created, result.Kind);
        // 20 x 900 = 18000.
        Assert.Equal(18000, result.Session!.Totals.Single(t => t.Type == TotalTypes.Subtotal).Amount);
    }

    [Fact]
    public async Task Empty_or_too_many_lines_are_bad_requests()
    {
        _options.Checkout.MaxLineItems = 2;

        var empty = await Assert.ThrowsAsync<UcpRequestException>(async () => await _service.CreateAsync(new CheckoutInput { Lines = [] }, _context, Ct));
        var missing = await Assert.ThrowsAsync<UcpRequestException>(async () => await _service.CreateAsync(new CheckoutInput(), _context, Ct));
        var tooMany = await Assert.ThrowsAsync<UcpRequestException>(
            async () => await _service.CreateAsync(LinesInput(("tea_sencha", 1), ("tea_assam", 1), ("cup_porcelain", 1)), _context, Ct));

        Assert.All([empty, missing, tooMany], e => Assert.Equal("$.line_items", e.Path));
    }

    [Fact]
    public async Task Echoed_line_ids_are_kept_and_new_lines_get_fresh_ids()
    {
        var created = (await _service.CreateAsync(LinesInput(("tea_sencha", 1), ("tea_assam", 1)), _context, Ct)).Session!;
        Assert.Equal(["li_1", "li_2"], created.Lines.Select(l => l.Id));

        var updated = (await _service.UpdateAsync(
            created.Id,
            new CheckoutInput
            {
                Lines =
                [
                    new LineInput("li_2", "tea_assam", 3),
                    new LineInput(null, "tea_chamomile", 1),
                    new LineInput("li_99", "cup_porcelain", 1),
                    new LineInput("li_2", "tea_matcha", 1),
                ],
            },
            _context,
            Ct)).Session!;

        var ids = updated.Lines.Select(l => l.Id).ToList();
        Assert.Equal("li_2", ids[0]);
        Assert.Equal(3, updated.Lines[0].Quantity);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        // The dropped li_1, the unknown li_99 and the repeated li_2 are not reused for new lines.
        Assert.All(ids.Skip(1), id => Assert.DoesNotContain(id, new[] { "li_1", "li_2", "li_99" }));
        Assert.Equal(["tea_assam", "tea_chamomile", "cup_porcelain", "tea_matcha"], updated.Lines.Select(l => l.ItemId));

        var again = (await _service.UpdateAsync(created.Id, new CheckoutInput { Lines = Echo(updated) }, _context, Ct)).Session!;
        Assert.Equal(ids, again.Lines.Select(l => l.Id));
    }

    [Fact]
    public async Task Quantity_above_stock_is_an_out_of_stock_error_on_that_line()
    {
        var none = (await _service.CreateAsync(LinesInput(("tea_gift_box", 1)), _context, Ct)).Session!;
        var few = (await _service.CreateAsync(LinesInput(("tea_sencha", 1), ("tea_matcha", 61)), _context, Ct)).Session!;
        var enough = (await _service.CreateAsync(LinesInput(("tea_matcha", 60)), _context, Ct)).Session!;

        var noneError = Assert.Single(none.Messages, m => m.Code == MessageCodes.OutOfStock);
        Assert.Equal(("$.line_items[0]", MessageSeverity.Recoverable), (noneError.Path, noneError.Severity));
        Assert.Equal(CheckoutStatus.Incomplete, none.Status);
        // 61 asked, 60 in stock.
        Assert.Equal("$.line_items[1]", Assert.Single(few.Messages, m => m.Code == MessageCodes.OutOfStock).Path);
        Assert.DoesNotContain(enough.Messages, m => m.Code == MessageCodes.OutOfStock);
    }

    // --- who may see a checkout ---

    [Fact]
    public async Task Another_platform_cannot_see_or_change_the_checkout()
    {
        var created = (await _service.CreateAsync(LinesInput(("tea_sencha", 1)), _context, Ct)).Session!;
        var other = Context(PlatformB);

        var get = await _service.GetAsync(created.Id, other, Ct);
        var update = await _service.UpdateAsync(created.Id, new CheckoutInput { Lines = Echo(created) }, other, Ct);
        var cancel = await _service.CancelAsync(created.Id, other, Ct);

        Assert.All([get, update, cancel], r =>
        {
            Assert.Equal(CheckoutResultKind.Rejected, r.Kind);
            Assert.Null(r.Session);
            Assert.Equal(MessageCodes.NotFound, Assert.Single(r.Messages).Code);
        });
        var stored = (await _service.GetAsync(created.Id, _context, Ct)).Session!;
        Assert.Equal((CheckoutStatus.Incomplete, created.Version), (stored.Status, stored.Version));
    }

    [Fact]
    public async Task Unknown_checkout_id_is_not_found()
    {
        var result = await _service.GetAsync("chk_does_not_exist", _context, Ct);

        Assert.Equal(CheckoutResultKind.Rejected, result.Kind);
        Assert.Equal(MessageCodes.NotFound, Assert.Single(result.Messages).Code);
    }

    // --- capabilities ---

    [Fact]
    public async Task Physical_cart_without_the_fulfillment_capability_escalates()
    {
        var context = Context(PlatformA, UcpCapabilities.Checkout, UcpCapabilities.Discount, UcpCapabilities.BuyerConsent);

        var result = await _service.CreateAsync(ReadyInput(), context, Ct);

        var session = result.Session!;
        Assert.Equal(CheckoutStatus.RequiresEscalation, session.Status);
        Assert.Contains(session.Messages, m => m.IsError && m.Severity == MessageSeverity.RequiresBuyerInput);
        Assert.NotNull(session.ContinueUrl);
        Assert.Null(session.Fulfillment);
        Assert.DoesNotContain(session.Totals, t => t.Type == TotalTypes.Fulfillment);
    }

    private async Task<CheckoutSession> CreateReadyAsync()
    {
        var result = await _service.CreateAsync(ReadyInput(), _context, Ct);
        Assert.Equal(CheckoutResultKind.Created, result.Kind);
        Assert.Equal(CheckoutStatus.ReadyForComplete, result.Session!.Status);
        return result.Session;
    }

    // 2 x tea_sencha (2400) + 1 x cup_porcelain (900) = 3300, shipped to a US address with standard shipping.
    private static CheckoutInput ReadyInput() => new()
    {
        Lines = [new LineInput(null, "tea_sencha", 2), new LineInput(null, "cup_porcelain", 1)],
        Buyer = new Buyer { Email = "buyer@example.com", FirstName = "Grace", LastName = "Hopper" },
        FulfillmentMethods =
        [
            new FulfillmentMethodInput
            {
                Type = FulfillmentType.Shipping,
                Destinations = [new DestinationInput(null, UsAddress)],
                Groups = [new GroupInput(null, "ship-standard")],
            },
        ],
    };

    private static CheckoutInput LinesInput(params (string Item, int Quantity)[] lines) =>
        new() { Lines = lines.Select(l => new LineInput(null, l.Item, l.Quantity)).ToList() };

    private static List<LineInput> Echo(CheckoutSession session) =>
        session.Lines.Select(l => new LineInput(l.Id, l.ItemId, l.Quantity, l.ParentId)).ToList();

    private static CheckoutInput Pay(string token, string handlerId = "mock_payment_handler") => new()
    {
        PaymentInstruments =
        [
            new InstrumentInput(
                new PaymentInstrument { Id = "instr_1", HandlerId = handlerId, Type = "card" },
                new PaymentCredential { Type = "token", Token = token }),
        ],
    };

    // The sandbox's handler, as the operation layer fetches it before a checkout operation runs.
    private static readonly PaymentHandlerDescriptor[] SandboxHandlers =
        [new PaymentHandlerDescriptor { Name = "dev.wixucp.sandbox_payment", Id = "mock_payment_handler", InstrumentTypes = ["card"] }];

    private static CheckoutRequestContext Context(Uri platform, params string[] capabilities)
    {
        if (capabilities.Length == 0)
        {
            capabilities = [UcpCapabilities.Checkout, UcpCapabilities.Fulfillment, UcpCapabilities.Discount, UcpCapabilities.BuyerConsent];
        }

        return new CheckoutRequestContext(
            BaseUrl,
            new NegotiationResult
            {
                Version = Version,
                Platform = new PlatformProfile
                {
                    Url = platform,
                    Version = Version,
                    Capabilities = capabilities.ToDictionary(c => c, _ => (IReadOnlyList<string>)[Version], StringComparer.Ordinal),
                },
                Capabilities = capabilities.ToDictionary(c => c, _ => Version, StringComparer.Ordinal),
                IsCompatible = true,
            },
            UcpTenant.Default,
            SandboxHandlers);
    }

    private static long TotalOf(CheckoutSession session) => session.Totals.Single(t => t.Type == TotalTypes.Total).Amount;

    private static List<(string Type, long Amount)> Pairs(IEnumerable<Total> totals) => totals.Select(t => (t.Type, t.Amount)).ToList();

    /// <summary>The sandbox, with an optional replacement for PlaceOrderAsync.</summary>
    private sealed class ScriptedBackend(ICheckoutBackend inner) : ICheckoutBackend
    {
        private int _placeOrderCalls;

        public ICheckoutBackend Inner => inner;

        public Func<PlaceOrderRequest, Task<PlaceOrderResult>>? OnPlaceOrder { get; set; }

        public int PlaceOrderCalls => Volatile.Read(ref _placeOrderCalls);

        public ValueTask<IReadOnlyList<PaymentHandlerDescriptor>> GetPaymentHandlersAsync(UcpTenant tenant, CancellationToken cancellationToken) =>
            inner.GetPaymentHandlersAsync(tenant, cancellationToken);

        public ValueTask<CommerceQuote> QuoteAsync(QuoteRequest request, CancellationToken cancellationToken) => inner.QuoteAsync(request, cancellationToken);

        public ValueTask<IReadOnlyList<SavedAddress>> FindSavedAddressesAsync(UcpTenant tenant, string buyerEmail, CancellationToken cancellationToken) =>
            inner.FindSavedAddressesAsync(tenant, buyerEmail, cancellationToken);

        public async ValueTask<PlaceOrderResult> PlaceOrderAsync(PlaceOrderRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _placeOrderCalls);
            return OnPlaceOrder is { } script ? await script(request) : await inner.PlaceOrderAsync(request, cancellationToken);
        }
    }

    private sealed class RecordingSessionStore(ICheckoutSessionStore inner) : ICheckoutSessionStore
    {
        private int _creates;
        private int _updates;

        public int Creates => Volatile.Read(ref _creates);

        public int Updates => Volatile.Read(ref _updates);

        public ValueTask<CheckoutSession?> GetAsync(string tenantId, string id, CancellationToken cancellationToken) => inner.GetAsync(tenantId, id, cancellationToken);

        public ValueTask<bool> TryCreateAsync(CheckoutSession session, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _creates);
            return inner.TryCreateAsync(session, cancellationToken);
        }

        public ValueTask<bool> TryUpdateAsync(CheckoutSession session, long expectedVersion, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _updates);
            return inner.TryUpdateAsync(session, expectedVersion, cancellationToken);
        }
    }

    private sealed class RecordingOrderStore : IOrderStore
    {
        private readonly InMemoryOrderStore _inner = new();
        private readonly List<Order> _created = [];

        public IReadOnlyList<Order> Created
        {
            get
            {
                lock (_created)
                {
                    return [.. _created];
                }
            }
        }

        public ValueTask<Order?> GetAsync(string tenantId, string id, CancellationToken cancellationToken) => _inner.GetAsync(tenantId, id, cancellationToken);

        public ValueTask<bool> TryUpdateAsync(Order order, long expectedVersion, IReadOnlyList<WixUcp.Webhooks.WebhookDelivery> deliveries, WixUcp.Webhooks.IWebhookOutbox outbox, CancellationToken cancellationToken) =>
            _inner.TryUpdateAsync(order, expectedVersion, deliveries, outbox, cancellationToken);

        public async ValueTask<bool> TryCreateAsync(Order order, CancellationToken cancellationToken)
        {
            var created = await _inner.TryCreateAsync(order, cancellationToken);
            if (created)
            {
                lock (_created)
                {
                    _created.Add(order);
                }
            }

            return created;
        }
    }
}
