using System.Diagnostics;
using System.Diagnostics.Metrics;
using WixUcp.Health;

namespace WixUcp.Diagnostics;

/// <summary>
/// The WixUcp meter (<c>System.Diagnostics.Metrics</c>, created through <see cref="IMeterFactory"/>); exporters such as
/// OpenTelemetry subscribe to <see cref="WixUcpDiagnostics.MeterName"/>. Tags are bounded sets (operations, status
/// classes, UCP error codes, currencies, outcomes); platform ids are not tags, since permissionless onboarding makes them
/// unbounded.
/// </summary>
internal sealed class WixUcpMetrics
{
    public const string ToleranceTag = "wixucp.tolerance";

    // Seconds; fine below 10 ms where most answers land, coarse up to the 10 s a slow backend may take.
    private static readonly double[] DurationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> _tolerances;
    private readonly Histogram<double> _operations;
    private readonly Counter<long> _checkoutsCreated;
    private readonly Counter<long> _checkoutsCompleted;
    private readonly Counter<long> _checkoutsCanceled;
    private readonly Counter<long> _checkoutsAbandoned;
    private readonly Counter<long> _orders;
    private readonly Counter<long> _orderValue;
    private readonly Counter<long> _discountCodes;
    private readonly Counter<long> _payments;
    private readonly Histogram<double> _backend;
    private readonly Counter<long> _storeErrors;
    private readonly Counter<long> _paymentsUnrecorded;
    private readonly Counter<long> _profileFetches;
    private readonly Counter<long> _rateLimitRejections;
    private readonly Histogram<double> _webhookAttempts;
    private readonly Counter<long> _rateLimitStoreFailures;

    public WixUcpMetrics(IMeterFactory meterFactory, HealthStatusBoard? health = null)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(WixUcpDiagnostics.MeterName);
        var durations = new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets };
        _tolerances = meter.CreateCounter<long>(
            "wixucp.negotiation.tolerances", "{tolerance}", "Deviations from the UCP specification accepted in Tolerant negotiation mode, per request, by kind.");
        _operations = meter.CreateHistogram(
            "wixucp.operation.duration", "s", "Duration of UCP operations, by operation, transport (rest, mcp), status class and UCP error code.", advice: durations);
        _checkoutsCreated = meter.CreateCounter<long>("wixucp.checkouts.created", "{checkout}", "Checkout sessions created.");
        _checkoutsCompleted = meter.CreateCounter<long>("wixucp.checkouts.completed", "{checkout}", "Checkout sessions completed (an order was placed).");
        _checkoutsCanceled = meter.CreateCounter<long>("wixucp.checkouts.canceled", "{checkout}", "Checkout sessions canceled by the platform.");
        _checkoutsAbandoned = meter.CreateCounter<long>("wixucp.checkouts.abandoned", "{checkout}", "Checkout sessions that expired without completion.");
        _orders = meter.CreateCounter<long>("wixucp.orders", "{order}", "Orders placed, by currency.");
        _orderValue = meter.CreateCounter<long>("wixucp.orders.value", "{minor_unit}", "Grand total of orders placed, in the currency's minor units, by currency.");
        _discountCodes = meter.CreateCounter<long>("wixucp.discount_codes", "{code}", "Discount codes submitted with a checkout, by outcome (applied or rejected).");
        _payments = meter.CreateCounter<long>("wixucp.payments", "{payment}", "Payment attempts at completion, by outcome (authorized, declined, escalated).");
        _backend = meter.CreateHistogram(
            "wixucp.backend.duration", "s", "Duration of commerce backend calls, by operation and outcome.", advice: durations);
        _storeErrors = meter.CreateCounter<long>("wixucp.store.errors", "{error}", "Store calls that failed (the store unavailable), by store.");
        _paymentsUnrecorded = meter.CreateCounter<long>(
            "wixucp.payments.unrecorded", "{payment}", "Payments captured by a processor outside the store that the store did not record on the order: each one to reconcile by hand.");
        _profileFetches = meter.CreateCounter<long>("wixucp.profile.fetches", "{fetch}", "Platform profile fetches, by outcome.");
        _webhookAttempts = meter.CreateHistogram(
            "wixucp.webhook.attempts", "s", "Order webhook delivery attempts, by outcome (delivered, retried, dead_lettered, or error: the attempt could not be completed or recorded and comes back when its claim lapses).", advice: durations);
        _rateLimitRejections = meter.CreateCounter<long>("wixucp.rate_limit.rejections", "{request}", "Requests refused by a rate-limit budget, by policy.");
        _rateLimitStoreFailures = meter.CreateCounter<long>(
            "wixucp.rate_limit.store_failures", "{decision}", "Rate-limit decisions made without the shared store (unreachable), by the policy applied (fail_open, fail_closed).");
        if (health is not null)
        {
            meter.CreateObservableGauge(
                "wixucp.health.status", health.Measurements, "1", "Latest state of each health check: 1 healthy, 0.5 degraded, 0 unhealthy.");
        }
    }

    public void ToleranceApplied(string kind) => _tolerances.Add(1, new KeyValuePair<string, object?>(ToleranceTag, kind));

    public void OperationCompleted(string operation, string transport, int statusCode, string? errorCode, TimeSpan duration)
    {
        var tags = new TagList
        {
            { "ucp.operation", operation },
            { "ucp.transport", transport },
            { "http.status_class", StatusClass(statusCode) },
        };
        if (errorCode is not null)
        {
            tags.Add("ucp.error_code", errorCode);
        }

        _operations.Record(duration.TotalSeconds, tags);
    }

    public void CheckoutCreated() => _checkoutsCreated.Add(1);

    public void CheckoutCompleted(string currency, long grandTotal)
    {
        _checkoutsCompleted.Add(1);
        var tag = new KeyValuePair<string, object?>("currency", currency);
        _orders.Add(1, tag);
        _orderValue.Add(grandTotal, tag);
    }

    public void CheckoutCanceled() => _checkoutsCanceled.Add(1);

    public void CheckoutAbandoned() => _checkoutsAbandoned.Add(1);

    public void DiscountCodes(int applied, int rejected)
    {
        if (applied > 0)
        {
            _discountCodes.Add(applied, new KeyValuePair<string, object?>("outcome", "applied"));
        }

        if (rejected > 0)
        {
            _discountCodes.Add(rejected, new KeyValuePair<string, object?>("outcome", "rejected"));
        }
    }

    public void PaymentAttempted(string outcome) => _payments.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void BackendCalled(string operation, string outcome, TimeSpan duration) =>
        _backend.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("wixucp.backend.operation", operation), new KeyValuePair<string, object?>("outcome", outcome));

    public void PaymentUnrecorded() => _paymentsUnrecorded.Add(1);

    public void StoreFailed(string store) => _storeErrors.Add(1, new KeyValuePair<string, object?>("wixucp.store", store));

    public void WebhookDelivered(string outcome, TimeSpan duration) =>
        _webhookAttempts.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));

    public void RateLimitRejected(string policy) => _rateLimitRejections.Add(1, new KeyValuePair<string, object?>("policy", policy));

    public void RateLimitStoreFailed(string mode) => _rateLimitStoreFailures.Add(1, new KeyValuePair<string, object?>("mode", mode));

    public void ProfileFetched(string outcome) => _profileFetches.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    private static string StatusClass(int statusCode) => statusCode switch
    {
        < 300 => "2xx",
        < 400 => "3xx",
        < 500 => "4xx",
        _ => "5xx",
    };
}
