using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WixUcp.Authentication;
using WixUcp.Checkout;
using WixUcp.Core.Tests.TestSupport;
using WixUcp.Negotiation;
using WixUcp.Operations;
using WixUcp.Orders;
using WixUcp.Protocol;
using WixUcp.Storage;
using WixUcp.Tenancy;
using WixUcp.Versions;

namespace WixUcp.Core.Tests.Operations;

/// <summary>
/// The Core services composed with no web host, as a worker or another transport would: a checkout runs start to finish
/// through <see cref="UcpOperations"/> alone.
/// </summary>
public sealed class OperationLayerTests : IDisposable
{
    private const string Version = "2026-04-08";
    private const string Agent = "profile=\"https://platform.example/profile\"";
    private static readonly Uri BaseUrl = new("https://merchant.example/");
    private static readonly Uri RestEndpoint = new("https://merchant.example/ucp");
    private static readonly Uri ProfileUrl = new("https://merchant.example/.well-known/ucp");
    private readonly ServiceProvider _services;
    private readonly UcpOperations _operations;

    public OperationLayerTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IPlatformProfileResolver>(new FixedProfileResolver());
        services.AddWixUcp().AddSandboxStore(o => o.DataDirectory = TestData.SampleHostDataset);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _operations = _services.GetRequiredService<UcpOperations>();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task A_checkout_runs_to_an_order_through_the_operation_layer_without_a_web_host()
    {
        var created = await _operations.CreateCheckoutAsync(
            Call("""{"line_items":[{"item":{"id":"tea_sencha"},"quantity":2}],"buyer":{"email":"ada@example.com"}}"""), Ct);
        Assert.Equal((UcpOutcomeKind.Created, 201), (created.Kind, created.StatusCode));
        var checkout = Json(created);
        var id = checkout["id"]!.GetValue<string>();
        Assert.Equal("incomplete", checkout["status"]!.GetValue<string>());

        var addressed = Json(await _operations.UpdateCheckoutAsync(
            Call("""{"line_items":[{"id":"li_1","item":{"id":"tea_sencha"},"quantity":2}],"fulfillment":{"methods":[{"type":"shipping","line_item_ids":["li_1"],"selected_destination_id":"addr_ada_work"}]}}"""), id, Ct));
        Assert.Equal("$.fulfillment.methods[0].groups[0].selected_option_id", addressed["messages"]![0]!["path"]!.GetValue<string>());

        var ready = Json(await _operations.UpdateCheckoutAsync(
            Call("""{"line_items":[{"id":"li_1","item":{"id":"tea_sencha"},"quantity":2}],"fulfillment":{"methods":[{"type":"shipping","line_item_ids":["li_1"],"groups":[{"id":"fg_1","selected_option_id":"ship-standard"}]}]}}"""), id, Ct));
        Assert.Equal("ready_for_complete", ready["status"]!.GetValue<string>());

        var completeBody = """{"payment":{"instruments":[{"id":"instr_1","handler_id":"mock_payment_handler","type":"card","credential":{"type":"token","token":"success_token"}}]}}""";
        var key = Guid.NewGuid().ToString();
        var completed = await _operations.CompleteCheckoutAsync(Call(completeBody, key), id, Ct);
        var done = Json(completed);
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        var orderId = done["order"]!["id"]!.GetValue<string>();

        // The same key and body replay the first answer byte for byte, without placing a second order.
        var replay = await _operations.CompleteCheckoutAsync(Call(completeBody, key), id, Ct);
        Assert.True(replay.IsReplay);
        Assert.Equal(completed.Body.ToArray(), replay.Body.ToArray());

        var order = Json(await _operations.GetOrderAsync(Call(body: null), orderId, Ct));
        Assert.Equal(id, order["checkout_id"]!.GetValue<string>());

        // The completion commit stored the order under the sandbox's one tenant.
        var stored = await _services.GetRequiredService<IOrderStore>().GetAsync(UcpTenant.Default.Id, orderId, Ct);
        Assert.Equal(id, stored!.CheckoutId);
        var session = (await _services.GetRequiredService<ICheckoutSessionStore>().GetAsync(UcpTenant.Default.Id, id, Ct))!;
        Assert.Equal(CheckoutStatus.Completed, session.Status);

        // What a durable store would write: the stored-record bytes read back to a record that writes the same bytes.
        var sessionBytes = UcpRecordSerializer.Serialize(session);
        var orderBytes = UcpRecordSerializer.Serialize(stored);
        Assert.Equal(sessionBytes, UcpRecordSerializer.Serialize(UcpRecordSerializer.DeserializeCheckoutSession(sessionBytes)));
        Assert.Equal(orderBytes, UcpRecordSerializer.Serialize(UcpRecordSerializer.DeserializeOrder(orderBytes)));
        Assert.Equal(session.Messages.Select(m => (m.Code, m.Target)), UcpRecordSerializer.DeserializeCheckoutSession(sessionBytes).Messages.Select(m => (m.Code, m.Target)));
        Assert.Equal(orderId, UcpRecordSerializer.DeserializeOrder(orderBytes).Id);
    }

    [Fact]
    public async Task Protocol_errors_are_outcomes_with_status_code_and_path()
    {
        var missingKey = await _operations.CreateCheckoutAsync(Call("""{"line_items":[]}""", idempotencyKey: null), Ct);
        var badQuantity = await _operations.CreateCheckoutAsync(Call("""{"line_items":[{"item":{"id":"tea_sencha"},"quantity":0}]}"""), Ct);
        var noAgent = await _operations.SearchCatalogAsync(Call("""{"query":"tea"}""") with { UcpAgent = null }, Ct);

        Assert.Equal((UcpOutcomeKind.ProtocolError, 400, "idempotency_key_required"), (missingKey.Kind, missingKey.StatusCode, missingKey.ErrorCode));
        Assert.Equal((400, "invalid_request"), (badQuantity.StatusCode, badQuantity.ErrorCode));
        Assert.Equal("$.line_items[0].quantity", Json(badQuantity)["path"]!.GetValue<string>());
        Assert.Equal((400, "invalid_profile_url"), (noAgent.StatusCode, noAgent.ErrorCode));
    }

    [Fact]
    public async Task The_business_profile_comes_from_the_current_version_with_the_tenants_handlers()
    {
        var profile = Json(await _operations.GetBusinessProfileAsync(Call(body: null), new UcpServiceEndpoints(RestEndpoint), ProfileUrl, version: null, Ct));

        // The newest version is current; the platform's 2026-04-08 is served through supported_versions.
        Assert.Equal("2026-08-25", profile["ucp"]!["version"]!.GetValue<string>());
        Assert.Equal(ProfileUrl.AbsoluteUri.TrimEnd('/') + "/" + Version, profile["ucp"]!["supported_versions"]![Version]!.GetValue<string>());
        var handler = profile["ucp"]!["payment_handlers"]!["dev.wixucp.sandbox_payment"]![0]!;
        Assert.Equal(("mock_payment_handler", "2026-08-25"), (handler["id"]!.GetValue<string>(), handler["version"]!.GetValue<string>()));

        var leaf = Json(await _operations.GetBusinessProfileAsync(Call(body: null), new UcpServiceEndpoints(RestEndpoint), ProfileUrl, Version, Ct));
        Assert.Equal(Version, leaf["ucp"]!["version"]!.GetValue<string>());
        Assert.Null(leaf["ucp"]!["supported_versions"]);
        Assert.Equal(Version, leaf["ucp"]!["payment_handlers"]!["dev.wixucp.sandbox_payment"]![0]!["version"]!.GetValue<string>());
        var unknown = await _operations.GetBusinessProfileAsync(Call(body: null), new UcpServiceEndpoints(RestEndpoint), ProfileUrl, "2025-01-01", Ct);
        Assert.Equal((404, "version_unsupported"), (unknown.StatusCode, unknown.ErrorCode));
    }

    [Fact]
    public async Task Older_registered_versions_are_listed_with_their_own_profiles()
    {
        var services = new ServiceCollection();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<UcpProtocolVersion, StandInOlderVersion>());
        services.AddWixUcp().AddSandboxStore(o => o.DataDirectory = TestData.SampleHostDataset);
        using var provider = services.BuildServiceProvider();
        var operations = provider.GetRequiredService<UcpOperations>();

        var current = Json(await operations.GetBusinessProfileAsync(Call(body: null), new UcpServiceEndpoints(RestEndpoint), ProfileUrl, version: null, Ct));
        var older = Json(await operations.GetBusinessProfileAsync(Call(body: null), new UcpServiceEndpoints(RestEndpoint), ProfileUrl, StandInOlderVersion.Name, Ct));

        Assert.Equal(
            "https://merchant.example/.well-known/ucp/" + StandInOlderVersion.Name,
            current["ucp"]!["supported_versions"]![StandInOlderVersion.Name]!.GetValue<string>());
        Assert.Equal([UcpCapabilities.Checkout], older["ucp"]!["capabilities"]!.AsObject().Select(c => c.Key));
        Assert.Equal(StandInOlderVersion.Name, older["ucp"]!["capabilities"]![UcpCapabilities.Checkout]![0]!["version"]!.GetValue<string>());
        Assert.Null(older["ucp"]!["supported_versions"]);
    }

    [Fact]
    public async Task A_replaced_store_gets_the_order_first_completion_commit()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IPlatformProfileResolver>(new FixedProfileResolver());
        services.AddSingleton<ICheckoutSessionStore>(sp => new ForeignSessionStore(new InMemoryCheckoutSessionStore(TimeProvider.System)));
        services.AddWixUcp().AddSandboxStore(o => o.DataDirectory = TestData.SampleHostDataset);
        using var provider = services.BuildServiceProvider();

        Assert.IsType<OrderFirstCheckoutCompletionStore>(provider.GetRequiredService<ICheckoutCompletionStore>());
        var operations = provider.GetRequiredService<UcpOperations>();
        var id = Json(await operations.CreateCheckoutAsync(Call("""{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}],"buyer":{"email":"ada@example.com"}}"""), Ct))["id"]!.GetValue<string>();
        await operations.UpdateCheckoutAsync(Call("""{"line_items":[{"id":"li_1","item":{"id":"tea_sencha"},"quantity":1}],"fulfillment":{"methods":[{"type":"shipping","line_item_ids":["li_1"],"selected_destination_id":"addr_ada_work","groups":[{"id":"fg_1","selected_option_id":"ship-standard"}]}]}}"""), id, Ct);
        var done = Json(await operations.CompleteCheckoutAsync(Call("""{"payment":{"instruments":[{"id":"instr_1","handler_id":"mock_payment_handler","type":"card","credential":{"type":"token","token":"success_token"}}]}}"""), id, Ct));

        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.NotNull(await provider.GetRequiredService<IOrderStore>().GetAsync(UcpTenant.Default.Id, done["order"]!["id"]!.GetValue<string>(), Ct));
    }

    [Fact]
    public async Task A_UCP_principal_may_only_present_its_own_profiles_whatever_the_transport()
    {
        const string search = """{"query":"tea"}""";
        var bound = new UcpIdentity { PlatformId = "p1", Permissions = UcpPermissions.All, Profiles = ["https://platform.example/profile"] }.ToPrincipal("test");
        var other = new UcpIdentity { PlatformId = "p2", Permissions = UcpPermissions.All, Profiles = ["https://other.example/profile"] }.ToPrincipal("test");
        var hostPrincipal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "x")], "host-scheme"));

        var own = await _operations.SearchCatalogAsync(Call(search) with { Caller = bound }, Ct);
        var foreign = await _operations.SearchCatalogAsync(Call(search) with { Caller = other }, Ct);
        var ofTheHost = await _operations.SearchCatalogAsync(Call(search) with { Caller = hostPrincipal }, Ct);

        Assert.Equal(UcpOutcomeKind.Resource, own.Kind);
        Assert.Equal((UcpOutcomeKind.ProtocolError, 403, "profile_not_trusted"), (foreign.Kind, foreign.StatusCode, foreign.ErrorCode));
        Assert.Equal(UcpOutcomeKind.Resource, ofTheHost.Kind); // a host's own scheme carries no UCP platform claim: not ours to bind
    }

    private static UcpCall Call(string? body, string? idempotencyKey = "") => new()
    {
        BaseUrl = BaseUrl,
        UcpAgent = Agent,
        Body = body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(body),
        IdempotencyKey = idempotencyKey == "" ? Guid.NewGuid().ToString() : idempotencyKey,
    };

    private static JsonNode Json(UcpOutcome outcome) => JsonNode.Parse(outcome.Body.Span)!;

    internal sealed class FixedProfileResolver : IPlatformProfileResolver
    {
        private static readonly string[] Capabilities =
        [
            UcpCapabilities.Checkout, UcpCapabilities.Fulfillment, UcpCapabilities.Discount, UcpCapabilities.BuyerConsent,
            UcpCapabilities.Order, UcpCapabilities.CatalogSearch, UcpCapabilities.CatalogLookup,
        ];

        public ValueTask<PlatformProfile> ResolveAsync(Uri profileUrl, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new PlatformProfile
            {
                Url = profileUrl,
                Version = Version,
                Capabilities = Capabilities.ToDictionary(c => c, _ => (IReadOnlyList<string>)[Version], StringComparer.Ordinal),
            });
    }

    /// <summary>A session store of another kind (as a storage package would bring), delegating to memory.</summary>
    private sealed class ForeignSessionStore(ICheckoutSessionStore inner) : ICheckoutSessionStore
    {
        public ValueTask<CheckoutSession?> GetAsync(string tenantId, string id, CancellationToken cancellationToken) => inner.GetAsync(tenantId, id, cancellationToken);

        public ValueTask<bool> TryCreateAsync(CheckoutSession session, CancellationToken cancellationToken) => inner.TryCreateAsync(session, cancellationToken);

        public ValueTask<bool> TryUpdateAsync(CheckoutSession session, long expectedVersion, CancellationToken cancellationToken) =>
            inner.TryUpdateAsync(session, expectedVersion, cancellationToken);
    }
}
