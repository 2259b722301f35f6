using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WixUcp.Authentication;
using WixUcp.Carts;
using WixUcp.Catalog;
using WixUcp.Checkout;
using WixUcp.Commerce;
using WixUcp.Diagnostics;
using WixUcp.Idempotency;
using WixUcp.Messages;
using WixUcp.Negotiation;
using WixUcp.Orders;
using WixUcp.Protocol;
using WixUcp.Signatures;
using WixUcp.Storage;
using WixUcp.Tenancy;
using WixUcp.Versions;
using WixUcp.Webhooks;

namespace WixUcp.Operations;

/// <summary>
/// The UCP operations, independent of any transport: REST and MCP are thin adapters that build a <see cref="UcpCall"/>
/// and send the <see cref="UcpOutcome"/> back. Each operation runs the same concerns in the same order:
/// tenant, negotiation (the version and capabilities decide how everything after is read and written), idempotency
/// (scoped by the negotiated platform, so it must come after negotiation), then the domain operation and its encoding.
/// Failures become UCP error outcomes here, once, for every transport.
/// </summary>
public sealed partial class UcpOperations
{
    private static readonly HybridCacheEntryOptions ProfileCaching = new() { Expiration = TimeSpan.FromHours(1), LocalCacheExpiration = TimeSpan.FromMinutes(5) };
    private readonly UcpNegotiator _negotiator;
    private readonly UcpVersionRegistry _versions;
    private readonly ITenantResolver _tenants;
    private readonly IdempotencyGate _idempotency;
    private readonly CheckoutService _checkouts;
    private readonly CatalogService _catalog;
    private readonly OrderService _orders;
    private readonly ICheckoutBackend _backend;
    private readonly IOptions<WixUcpOptions> _options;
    private readonly ILogger _logger;
    private const string CancelCheckout = "cancel_checkout";
    private const string GetProfile = "get_profile";
    private readonly HybridCache _cache;
    private readonly UcpSigningKeys _signingKeys;
    private readonly WixUcpMetrics? _metrics;
    private readonly OrderWebhooks? _orderWebhooks;
    private readonly WebhookRegistrations? _webhookRegistrations;
    private readonly CartService? _carts;

    // The store's policy links, fixed for the process: written on every checkout and cart.
    private readonly IReadOnlyDictionary<string, Uri> _links;

    internal UcpOperations(
        UcpNegotiator negotiator,
        UcpVersionRegistry versions,
        ITenantResolver tenants,
        IdempotencyGate idempotency,
        CheckoutService checkouts,
        CatalogService catalog,
        OrderService orders,
        ICheckoutBackend backend,
        HybridCache cache,
        UcpSigningKeys signingKeys,
        IOptions<WixUcpOptions> options,
        ILogger<UcpOperations> logger,
        WixUcpMetrics? metrics = null,
        OrderWebhooks? orderWebhooks = null,
        WebhookRegistrations? webhookRegistrations = null,
        CartService? carts = null)
    {
        _carts = carts;
        _links = new Dictionary<string, Uri>(options.Value.Links, StringComparer.Ordinal);
        _metrics = metrics;
        _orderWebhooks = orderWebhooks;
        _webhookRegistrations = webhookRegistrations;
        _cache = cache;
        _signingKeys = signingKeys;
        _negotiator = negotiator;
        _versions = versions;
        _tenants = tenants;
        _idempotency = idempotency;
        _checkouts = checkouts;
        _catalog = catalog;
        _orders = orders;
        _backend = backend;
        _options = options;
        _logger = logger;
    }

    /// <summary>
    /// The business profile (<c>/.well-known/ucp</c>) for the call's tenant: the current version's, listing every older
    /// registered version under <c>supported_versions</c> at <c>{profileUrl}/{version}</c>, or one of those older profiles.
    /// </summary>
    /// <param name="call">The call; only its base URL and caller are used.</param>
    /// <param name="endpoints">The absolute URLs of the shopping service's bindings.</param>
    /// <param name="profileUrl">The absolute URL the current profile is served at.</param>
    /// <param name="version">Null for the current profile; else the version whose profile is asked for.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The profile document, or an error outcome (404 <c>version_unsupported</c> for a version not served).</returns>
    public async ValueTask<UcpOutcome> GetBusinessProfileAsync(UcpCall call, UcpServiceEndpoints endpoints, Uri profileUrl, string? version, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = await GetBusinessProfileCoreAsync(call, endpoints, profileUrl, version, cancellationToken).ConfigureAwait(false);
        _metrics?.OperationCompleted(GetProfile, call.Transport, outcome.StatusCode, outcome.ErrorCode, Stopwatch.GetElapsedTime(started));
        LogProfileServed(_logger, version ?? _versions.Current.Version, outcome.StatusCode);
        return outcome;
    }

    private async ValueTask<UcpOutcome> GetBusinessProfileCoreAsync(UcpCall call, UcpServiceEndpoints endpoints, Uri profileUrl, string? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(profileUrl);
        var current = _versions.Current;
        UcpProtocolVersion? served = current;
        if (version is not null && !_versions.TryGet(version, out served))
        {
            return UcpOutcome.ProtocolError(404, "version_unsupported", $"This business serves no profile for version {version}; it speaks {string.Join(", ", _versions.All.Select(v => v.Version))}.");
        }

        try
        {
            var tenant = await _tenants.ResolveAsync(call, cancellationToken).ConfigureAwait(false);
            UcpRequestContext.Current?.InstanceId = tenant.Id;

            // Cached an hour, shared by replicas when Redis backs the cache; the key is bounded whatever the URLs.
            var key = "business-profile:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(
                '\n', tenant.Id, served.Version, endpoints.Rest.AbsoluteUri, endpoints.Mcp?.AbsoluteUri, profileUrl.AbsoluteUri, string.Join(',', _signingKeys.PublishedKeys.Select(k => k.KeyId))))));
            var body = await _cache.GetOrCreateAsync(
                key,
                (Operations: this, Tenant: tenant, Served: served, Current: current, Endpoints: endpoints, ProfileUrl: profileUrl),
                static async (state, ct) =>
                {
                    var handlers = await state.Operations._backend.GetPaymentHandlersAsync(state.Tenant, ct).ConfigureAwait(false);
                    var supported = state.Served == state.Current
                        ? state.Operations._versions.All.Skip(1).ToDictionary(v => v.Version, v => new Uri(state.ProfileUrl.AbsoluteUri.TrimEnd('/') + "/" + v.Version), StringComparer.Ordinal)
                        : [];
                    return state.Served.Codec.WriteProfile(state.Endpoints, state.Served.Capabilities, handlers, supported, state.Operations._signingKeys.PublishedKeys);
                },
                ProfileCaching,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return UcpOutcome.Of(UcpOutcomeKind.Resource, body);
        }
        catch (Exception ex) when (Failure(ex, call, null, cancellationToken) is { } failure)
        {
            return failure;
        }
    }

    /// <summary>Create Checkout: a new checkout session from line items (and optionally buyer, fulfillment, discounts).</summary>
    /// <param name="call">The call.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The created checkout (201), a business error or a protocol error.</returns>
    public ValueTask<UcpOutcome> CreateCheckoutAsync(UcpCall call, CancellationToken cancellationToken) =>
        RunCheckoutAsync(call, "create_checkout", resourceId: null, stateChanging: true, (context, checkout, ct) =>
        {
            var input = context.Codec.ReadCheckoutCreate(call.Body.Span);
            return input.CartId is { } cartId ? CheckoutFromCartAsync(cartId, input, checkout, ct) : _checkouts.CreateAsync(input, checkout, ct);
        }, cancellationToken);

    /// <summary>Get Checkout.</summary>
    /// <param name="call">The call.</param>
    /// <param name="checkoutId">The checkout id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The checkout, or a not-found business error.</returns>
    public ValueTask<UcpOutcome> GetCheckoutAsync(UcpCall call, string checkoutId, CancellationToken cancellationToken) =>
        RunCheckoutAsync(call, "get_checkout", checkoutId, stateChanging: false, (context, checkout, ct) =>
            _checkouts.GetAsync(checkoutId, checkout, ct), cancellationToken);

    /// <summary>Update Checkout: line items replace; other members present replace, absent ones are kept.</summary>
    /// <param name="call">The call.</param>
    /// <param name="checkoutId">The checkout id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated checkout, a business error or a protocol error.</returns>
    public ValueTask<UcpOutcome> UpdateCheckoutAsync(UcpCall call, string checkoutId, CancellationToken cancellationToken) =>
        RunCheckoutAsync(call, "update_checkout", checkoutId, stateChanging: true, (context, checkout, ct) =>
            _checkouts.UpdateAsync(checkoutId, context.Codec.ReadCheckoutUpdate(call.Body.Span), checkout, ct), cancellationToken);

    /// <summary>Complete Checkout: charges the chosen instrument and places the order.</summary>
    /// <param name="call">The call.</param>
    /// <param name="checkoutId">The checkout id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The completed (or still open, with messages) checkout, a business error or a protocol error.</returns>
    public ValueTask<UcpOutcome> CompleteCheckoutAsync(UcpCall call, string checkoutId, CancellationToken cancellationToken) =>
        RunCheckoutAsync(call, "complete_checkout", checkoutId, stateChanging: true, (context, checkout, ct) =>
            _checkouts.CompleteAsync(checkoutId, context.Codec.ReadCheckoutComplete(call.Body.Span), checkout, ct), cancellationToken);

    /// <summary>Cancel Checkout. The body, if any, is not read.</summary>
    /// <param name="call">The call.</param>
    /// <param name="checkoutId">The checkout id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The canceled checkout, a business error or a protocol error.</returns>
    public ValueTask<UcpOutcome> CancelCheckoutAsync(UcpCall call, string checkoutId, CancellationToken cancellationToken) =>
        RunCheckoutAsync(call, CancelCheckout, checkoutId, stateChanging: true, (context, checkout, ct) =>
            _checkouts.CancelAsync(checkoutId, checkout, ct), cancellationToken);

    /// <summary>Get Order, for the platform that placed it.</summary>
    /// <param name="call">The call.</param>
    /// <param name="orderId">The order id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The order, or a not-found business error.</returns>
    public ValueTask<UcpOutcome> GetOrderAsync(UcpCall call, string orderId, CancellationToken cancellationToken) =>
        RunAsync(call, UcpOperation.Order, "get_order", orderId, stateChanging: false, async (context, ct) =>
        {
            var order = await _orders.GetAsync(context.Tenant, orderId, context.Negotiation.Platform.Url, ct).ConfigureAwait(false);
            return order is null
                ? context.Version.NoResource([UcpMessage.Error(MessageCodes.NotFound, $"Order {orderId} was not found.", MessageSeverity.Unrecoverable)], Storefront(call))
                : UcpOutcome.Of(UcpOutcomeKind.Resource, context.Codec.WriteOrder(order, context.Negotiation));
        },
        cancellationToken);

    /// <summary>
    /// Sandbox simulation of an order event (ship, deliver, refund), as a store would report it: the next revision is
    /// recorded with its webhooks. The transport checks the simulation secret; the answer is the order.
    /// </summary>
    /// <param name="call">The call (tenant and base URL).</param>
    /// <param name="orderId">The order.</param>
    /// <param name="simulation">What happens to it.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>The changed order, or 404 <c>not_found</c>.</returns>
    public ValueTask<UcpOutcome> SimulateOrderAsync(UcpCall call, string orderId, OrderSimulation simulation, CancellationToken cancellationToken) =>
        ChangeOrderAsync(call, orderId, "simulate_order", _ => (order, now) => OrderChanges.Simulate(order, simulation, now), cancellationToken);

    /// <summary>
    /// Sandbox simulation: replaces an order's fulfillment events and adjustments with those of the order snapshot in the
    /// body (422 <c>invalid_order</c> naming the member when they are not valid), recorded with its webhooks.
    /// </summary>
    /// <param name="call">The call (body: an order snapshot).</param>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>The changed order, or an error outcome.</returns>
    public ValueTask<UcpOutcome> UpdateOrderAsync(UcpCall call, string orderId, CancellationToken cancellationToken) =>
        ChangeOrderAsync(call, orderId, "update_order", codec =>
        {
            var history = codec.ReadOrderUpdate(call.Body.Span);
            return (order, _) => order with { Events = history.Events ?? order.Events, Adjustments = history.Adjustments ?? order.Adjustments };
        },
        cancellationToken);

    private async ValueTask<UcpOutcome> ChangeOrderAsync(
        UcpCall call, string orderId, string operation, Func<IUcpCodec, Func<Order, DateTimeOffset, Order>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var started = Stopwatch.GetTimestamp();
        UcpOutcome outcome;
        try
        {
            if (!call.Body.IsEmpty)
            {
                RequestGuard.Check(call.Body.Span, _options.Value.Limits);
            }

            var apply = change(_versions.Current.Codec);
            var tenant = await _tenants.ResolveAsync(call, cancellationToken).ConfigureAwait(false);
            UcpRequestContext.Current?.InstanceId = tenant.Id;
            var order = await _orders.ChangeAsync(tenant, orderId, call.BaseUrl, apply, cancellationToken).ConfigureAwait(false);
            outcome = order is null || _orderWebhooks is null
                ? UcpOutcome.ProtocolError(404, "not_found", $"Order {orderId} was not found.")
                : UcpOutcome.Of(UcpOutcomeKind.Resource, _orderWebhooks.Render(order));
        }
        catch (Exception ex) when (Failure(ex, call, null, cancellationToken) is { } failure)
        {
            outcome = failure;
        }

        _metrics?.OperationCompleted(operation, call.Transport, outcome.StatusCode, outcome.ErrorCode, Stopwatch.GetElapsedTime(started));
        return outcome;
    }

    /// <summary>Registers a webhook receiver for the calling platform's orders of this store; answers its secret, once.</summary>
    /// <param name="call">The call (body: <c>{"url", "events"?}</c>; <c>UCP-Agent</c> names the platform).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>201 with the registration and its secret, or an error outcome.</returns>
    public ValueTask<UcpOutcome> CreateWebhookRegistrationAsync(UcpCall call, CancellationToken cancellationToken) =>
        RegistrationsAsync(call, "create_webhook", async (registrations, tenant, platform, ct) =>
            UcpOutcome.Of(UcpOutcomeKind.Created, await registrations.CreateAsync(tenant, platform, call.Body, ct).ConfigureAwait(false)), cancellationToken);

    /// <summary>Lists the calling platform's webhook registrations with this store (without their secrets).</summary>
    /// <param name="call">The call.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The registrations.</returns>
    public ValueTask<UcpOutcome> ListWebhookRegistrationsAsync(UcpCall call, CancellationToken cancellationToken) =>
        RegistrationsAsync(call, "list_webhooks", async (registrations, tenant, platform, ct) =>
            UcpOutcome.Of(UcpOutcomeKind.Resource, await registrations.ListAsync(tenant, platform, ct).ConfigureAwait(false)), cancellationToken);

    /// <summary>Deletes one of the calling platform's webhook registrations (404 for any other id).</summary>
    /// <param name="call">The call.</param>
    /// <param name="id">The registration id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>200 with the id, or 404 <c>not_found</c>.</returns>
    public ValueTask<UcpOutcome> DeleteWebhookRegistrationAsync(UcpCall call, string id, CancellationToken cancellationToken) =>
        RegistrationsAsync(call, "delete_webhook", async (registrations, tenant, platform, ct) =>
            await registrations.DeleteAsync(tenant, platform, id, ct).ConfigureAwait(false)
                ? UcpOutcome.Of(UcpOutcomeKind.Resource, System.Text.Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\",\"deleted\":true}}"))
                : UcpOutcome.ProtocolError(404, "not_found", $"No webhook registration {id} of this platform was found."),
            cancellationToken);

    // Registrations belong to the platform profile in UCP-Agent (which authentication already bound to the caller);
    // the profile is not fetched.
    private async ValueTask<UcpOutcome> RegistrationsAsync(
        UcpCall call, string operation, Func<WebhookRegistrations, UcpTenant, Uri, CancellationToken, ValueTask<UcpOutcome>> run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var started = Stopwatch.GetTimestamp();
        UcpOutcome outcome;
        try
        {
            if (!call.Body.IsEmpty)
            {
                RequestGuard.Check(call.Body.Span, _options.Value.Limits);
            }

            var platform = UcpNegotiator.ParseAgentHeader(call.UcpAgent, _options.Value.Negotiation.AllowInsecureLoopbackProfiles);
            if (call.Caller?.HasClaim(c => c.Type == UcpClaimTypes.Platform) == true && !UcpIdentity.MayPresent(call.Caller, platform))
            {
                return UcpOutcome.ProtocolError(403, "profile_not_trusted", "These credentials may not act for the profile named in UCP-Agent.");
            }

            var tenant = await _tenants.ResolveAsync(call, cancellationToken).ConfigureAwait(false);
            UcpRequestContext.Current?.InstanceId = tenant.Id;
            outcome = _webhookRegistrations is null
                ? UcpOutcome.ProtocolError(404, "not_found", "Webhook registrations are not available.")
                : await run(_webhookRegistrations, tenant, platform, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Failure(ex, call, null, cancellationToken) is { } failure)
        {
            outcome = failure;
        }

        _metrics?.OperationCompleted(operation, call.Transport, outcome.StatusCode, outcome.ErrorCode, Stopwatch.GetElapsedTime(started));
        return outcome;
    }

    /// <summary>
    /// The JSON schema (draft 2020-12) the current protocol version checks an operation's request document against,
    /// for transports that describe their inputs (MCP tool input schemas).
    /// </summary>
    /// <param name="operation">The operation: <c>create_checkout</c>, <c>update_checkout</c>, <c>complete_checkout</c>, <c>search_catalog</c>, <c>lookup_catalog</c> or <c>get_product</c>.</param>
    /// <returns>The schema document, or null for an operation that reads no body.</returns>
    public JsonElement? RequestSchema(string operation) =>
        _versions.Current.Codec.RequestSchemas.TryGetValue(operation, out var schema) ? schema.Document : null;

    /// <summary>Search Catalog, one page at a time.</summary>
    /// <param name="call">The call.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A page of products, or a protocol error.</returns>
    public ValueTask<UcpOutcome> SearchCatalogAsync(UcpCall call, CancellationToken cancellationToken) =>
        RunAsync(call, UcpOperation.CatalogSearch, "search_catalog", resourceId: null, stateChanging: false, async (context, ct) =>
        {
            var result = await _catalog.SearchAsync(context.Tenant, context.Codec.ReadCatalogSearch(call.Body.Span), ct).ConfigureAwait(false);
            return UcpOutcome.Of(UcpOutcomeKind.Resource, context.Codec.WriteCatalogSearch(result, context.Negotiation));
        },
        cancellationToken);

    /// <summary>Lookup Catalog by product id, variant id or SKU.</summary>
    /// <param name="call">The call.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The products found, with not-found messages for the rest.</returns>
    public ValueTask<UcpOutcome> LookupCatalogAsync(UcpCall call, CancellationToken cancellationToken) =>
        RunAsync(call, UcpOperation.CatalogLookup, "lookup_catalog", resourceId: null, stateChanging: false, async (context, ct) =>
        {
            var result = await _catalog.LookupAsync(context.Tenant, context.Codec.ReadCatalogLookup(call.Body.Span), ct).ConfigureAwait(false);
            return UcpOutcome.Of(UcpOutcomeKind.Resource, context.Codec.WriteCatalogLookup(result, context.Negotiation));
        },
        cancellationToken);

    /// <summary>Get Product, with option selection and relaxation.</summary>
    /// <param name="call">The call.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The product, or a not-found business error.</returns>
    public ValueTask<UcpOutcome> GetProductAsync(UcpCall call, CancellationToken cancellationToken) =>
        RunAsync(call, UcpOperation.CatalogLookup, "get_product", resourceId: null, stateChanging: false, async (context, ct) =>
        {
            var input = context.Codec.ReadGetProduct(call.Body.Span);
            var detail = await _catalog.GetProductAsync(context.Tenant, input, ct).ConfigureAwait(false);
            return detail is null
                ? context.Version.NoResource([UcpMessage.Error(MessageCodes.NotFound, $"Product {input.Id} was not found.", MessageSeverity.Unrecoverable, MessageTarget.Of(MessageTargetKind.ProductId))], Storefront(call))
                : UcpOutcome.Of(UcpOutcomeKind.Resource, context.Codec.WriteProduct(detail, context.Negotiation));
        },
        cancellationToken);

    // Every operation is one activity and one duration sample tagged with its outcome.
    private async ValueTask<UcpOutcome> RunAsync(
        UcpCall call,
        UcpOperation capability,
        string operation,
        string? resourceId,
        bool stateChanging,
        Func<OperationContext, CancellationToken, ValueTask<UcpOutcome>> run,
        CancellationToken cancellationToken)
    {
        using var activity = WixUcpActivities.Source.StartActivity(operation);
        activity?.SetTag("ucp.operation", operation);
        activity?.SetTag("ucp.transport", call.Transport);
        activity?.SetTag("ucp.request_id", UcpRequestContext.Current?.RequestId);
        var started = Stopwatch.GetTimestamp();
        var outcome = await RunCoreAsync(call, capability, operation, resourceId, stateChanging, run, cancellationToken).ConfigureAwait(false);
        _metrics?.OperationCompleted(operation, call.Transport, outcome.StatusCode, outcome.ErrorCode, Stopwatch.GetElapsedTime(started));
        if (activity is not null)
        {
            activity.SetTag("http.response.status_code", outcome.StatusCode);
            activity.SetTag("ucp.error_code", outcome.ErrorCode);
            if (outcome.StatusCode >= 500)
            {
                activity.SetStatus(ActivityStatusCode.Error, outcome.ErrorCode);
            }
        }

        return outcome;
    }

    private async ValueTask<UcpOutcome> RunCoreAsync(
        UcpCall call,
        UcpOperation capability,
        string operation,
        string? resourceId,
        bool stateChanging,
        Func<OperationContext, CancellationToken, ValueTask<UcpOutcome>> run,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        OperationContext? context = null;
        try
        {
            // The document's shape and bounds are checked before anything reads it (cancel's body is not read at all).
            if (!call.Body.IsEmpty && operation != CancelCheckout)
            {
                RequestGuard.Check(call.Body.Span, _options.Value.Limits);
            }

            // Identity binding (UCP: MUST): a platform authenticated by a UCP credential may only name its own
            // profiles, checked before anything is fetched. Checkouts and orders are scoped to the profile, so they
            // stay the platform's own. (Principals of a host's own schemes carry no platform claim.)
            if (call.Caller?.HasClaim(c => c.Type == UcpClaimTypes.Platform) == true
                && !UcpIdentity.MayPresent(call.Caller, UcpNegotiator.ParseAgentHeader(call.UcpAgent, _options.Value.Negotiation.AllowInsecureLoopbackProfiles)))
            {
                return UcpOutcome.ProtocolError(403, "profile_not_trusted", "These credentials may not act for the profile named in UCP-Agent.");
            }

            var tenant = await _tenants.ResolveAsync(call, cancellationToken).ConfigureAwait(false);
            UcpRequestContext.Current?.InstanceId = tenant.Id;
            var negotiation = await _negotiator.NegotiateAsync(call.UcpAgent, capability, cancellationToken).ConfigureAwait(false);
            context = new OperationContext(call, tenant, negotiation, _versions.Get(negotiation.Version));
            if (!negotiation.IsCompatible)
            {
                var message = UcpMessage.Error(
                    MessageCodes.CapabilitiesIncompatible, "The platform and this business share no capability this operation needs.", MessageSeverity.Unrecoverable);
                return context.Version.NoResource([message], Storefront(call));
            }

            if (!stateChanging)
            {
                return await run(context, cancellationToken).ConfigureAwait(false);
            }

            var negotiated = context;
            return await _idempotency.RunAsync(context, operation, resourceId, () => GuardedAsync(run, negotiated, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Failure(ex, call, context, cancellationToken) is { } failure)
        {
            return failure;
        }
    }

    // Failures of the operation itself become outcomes before idempotency sees them, so it keeps none of them.
    private async ValueTask<UcpOutcome> GuardedAsync(Func<OperationContext, CancellationToken, ValueTask<UcpOutcome>> run, OperationContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await run(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Failure(ex, context.Call, context, cancellationToken) is { } failure)
        {
            return failure;
        }
    }

    /// <summary>The UCP error for a failure, or null to let it propagate (the caller went away).</summary>
    private UcpOutcome? Failure(Exception exception, UcpCall call, OperationContext? context, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case UcpRequestException request:
                var codec = context?.Codec ?? _versions.Current.Codec;
                var status = request.Code == "unsupported_media_type" ? 415 : request.StatusCode;
                return UcpOutcome.ProtocolError(status, request.Code, request.Message, request.WirePath ?? codec.RenderPath(request.Target));
            case NegotiationException negotiation:
                return UcpOutcome.ProtocolError(negotiation.StatusCode, negotiation.Code, negotiation.Message, continueUrl: call.BaseUrl,
                    retryAfter: negotiation.RetryAfter ?? (negotiation.StatusCode == 503 ? TimeSpan.FromSeconds(1) : null));
            case CommerceBackendException or StoreUnavailableException:
                if (exception is StoreUnavailableException { Store: var store })
                {
                    _metrics?.StoreFailed(store ?? "unknown");
                }

                LogBackendFailure(_logger, exception);
                return UcpOutcome.ProtocolError(503, "backend_unavailable", "The store could not be reached; retry shortly.", retryAfter: TimeSpan.FromSeconds(5));
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return null;
            default:
                LogUnexpected(_logger, exception);
                return UcpOutcome.ProtocolError(500, "internal_error", "The request failed unexpectedly; it can be retried.");
        }
    }

    private ValueTask<UcpOutcome> RunCheckoutAsync(
        UcpCall call,
        string operation,
        string? resourceId,
        bool stateChanging,
        Func<OperationContext, CheckoutRequestContext, CancellationToken, ValueTask<CheckoutResult>> run,
        CancellationToken cancellationToken) =>
        RunAsync(call, UcpOperation.Checkout, operation, resourceId, stateChanging, async (context, ct) =>
        {
            var checkout = await CheckoutContextAsync(context, ct).ConfigureAwait(false);
            return CheckoutOutcome(context, checkout, await run(context, checkout, ct).ConfigureAwait(false));
        },
        cancellationToken);

    // The tenant's payment handlers are fetched before the operation changes anything: the answer written after a
    // committed change then cannot fail on them, and the same list checks the instrument and is advertised.
    private async ValueTask<CheckoutRequestContext> CheckoutContextAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var handlers = await _backend.GetPaymentHandlersAsync(context.Tenant, cancellationToken).ConfigureAwait(false);
        return new CheckoutRequestContext(context.Call.BaseUrl, context.Negotiation, context.Tenant, handlers);
    }

    private UcpOutcome CheckoutOutcome(OperationContext context, CheckoutRequestContext checkout, CheckoutResult result)
    {
        switch (result.Kind)
        {
            case CheckoutResultKind.Created:
            case CheckoutResultKind.Ok:
                var body = context.Codec.WriteCheckout(result.Session!, context.Negotiation, checkout.PaymentHandlers, _links);
                return UcpOutcome.Of(result.Kind == CheckoutResultKind.Created ? UcpOutcomeKind.Created : UcpOutcomeKind.Resource, body);
            case CheckoutResultKind.Frozen when context.Version.AnswersUpdatesDuringCompletion:
                // Nothing changed: the checkout as it is, with the error saying why.
                var frozen = result.Session! with { Messages = [.. result.Session!.Messages, .. result.Messages] };
                return UcpOutcome.Of(UcpOutcomeKind.Resource, context.Codec.WriteCheckout(frozen, context.Negotiation, checkout.PaymentHandlers, _links));
            case CheckoutResultKind.Conflict:
            case CheckoutResultKind.Frozen:
                return context.Version.StateConflict(result.Code!, result.Messages[0].Content);
            default:
                return context.Version.NoResource(result.Messages, Storefront(context.Call));
        }
    }

    private Uri Storefront(UcpCall call) => _options.Value.StorefrontUrl ?? call.BaseUrl;

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Business profile for {Version} requested: {StatusCode}")]
    private static partial void LogProfileServed(ILogger logger, string version, int statusCode);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Commerce backend or store unavailable")]
    private static partial void LogBackendFailure(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Unhandled failure in a UCP operation")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);
}
