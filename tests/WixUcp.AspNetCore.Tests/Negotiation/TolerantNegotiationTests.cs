using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.AspNetCore.Tests.Schemas;

namespace WixUcp.AspNetCore.Tests.Negotiation;

/// <summary>
/// The sample host's default, Tolerant negotiation, with the profile shapes platforms publish in the field: each is
/// served with schema-valid answers (the client validates every document), logged once with the profile URL and
/// counted in <c>wixucp.negotiation.tolerances</c>. <see cref="NegotiationTests"/> shows Strict refusing the same shapes.
/// </summary>
public sealed class TolerantNegotiationTests(UcpFixture fixture) : IClassFixture<UcpFixture>
{
    [Theory]
    [InlineData("no-services", "services_absent")]
    [InlineData("no-payment-handlers", "payment_handlers_absent")]
    public async Task Profiles_without_services_or_payment_handlers_are_served(string profile, string tolerance)
    {
        using var counted = new ToleranceCounter(fixture.App.Services.GetRequiredService<IMeterFactory>());

        var first = await fixture.Client(profile).PostAsync("/ucp/catalog/search", """{"query":"tea"}""", idempotencyKey: null);
        var second = await fixture.Client(profile).PostAsync("/ucp/catalog/search", """{"query":"tea"}""", idempotencyKey: null);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.Status, second.Status));
        Assert.NotEmpty(first.Json["products"]!.AsArray());
        Assert.Equal(2, counted.Of(tolerance));
        var url = fixture.Platform.ProfileUrl(profile).AbsoluteUri;
        Assert.Single(fixture.App.Logs, l => l.Message.Contains(url, StringComparison.Ordinal) && l.Message.Contains(tolerance, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_platform_declaring_only_orders_is_served_checkout_with_the_business_capabilities()
    {
        using var counted = new ToleranceCounter(fixture.App.Services.GetRequiredService<IMeterFactory>());
        var client = fixture.Client("order-only");

        var created = await Checkouts.CreateAsync(client, Checkouts.Create());
        var read = await client.GetAsync($"/ucp/checkout-sessions/{created.Json["id"]!.GetValue<string>()}");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (created.Status, read.Status));
        Assert.Equal(
            ["dev.ucp.shopping.buyer_consent", "dev.ucp.shopping.checkout", "dev.ucp.shopping.discount", "dev.ucp.shopping.fulfillment"],
            created.Json["ucp"]!["capabilities"]!.AsObject().Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal(2, counted.Of("capability_family_undeclared"));
        var url = fixture.Platform.ProfileUrl("order-only").AbsoluteUri;
        Assert.Single(fixture.App.Logs, l => l.Message.Contains(url, StringComparison.Ordinal) && l.Message.Contains("declares no checkout capability", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_declared_family_is_still_negotiated_as_declared()
    {
        // The platform declares catalog search only: lookup belongs to a family it declares, so nothing is filled in.
        var search = await fixture.Client("search-only").PostAsync("/ucp/catalog/search", """{"query":"tea"}""", idempotencyKey: null);
        var lookup = await fixture.Client("search-only").PostAsync("/ucp/catalog/lookup", """{"ids":["tea_sencha"]}""", idempotencyKey: null);

        Assert.Equal(HttpStatusCode.OK, search.Status);
        Assert.Equal(["dev.ucp.shopping.catalog.search"], search.Json["ucp"]!["capabilities"]!.AsObject().Select(c => c.Key));
        Assert.Equal("capabilities_incompatible", lookup.Json["messages"]![0]!["code"]!.GetValue<string>());
    }

    /// <summary>Counts the tolerance measurements of the host under test only (its meter factory), by kind.</summary>
    private sealed class ToleranceCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

        public ToleranceCounter(IMeterFactory scope)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == scope && instrument.Name == "wixucp.negotiation.tolerances")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "wixucp.tolerance" && tag.Value is string kind)
                    {
                        lock (_counts)
                        {
                            _counts[kind] = _counts.GetValueOrDefault(kind) + value;
                        }
                    }
                }
            });
            _listener.Start();
        }

        public long Of(string kind)
        {
            lock (_counts)
            {
                return _counts.GetValueOrDefault(kind);
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
