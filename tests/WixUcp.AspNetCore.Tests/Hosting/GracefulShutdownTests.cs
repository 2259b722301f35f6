using System.Net;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Hosting;

/// <summary>
/// A redeploy in the middle of payments: the sample host as a real process receives SIGTERM while completions are in
/// flight (the sandbox takes two seconds to place each order). Every one of them gets its normal answer and its order,
/// readiness stops saying ready at once, and the process exits cleanly.
/// </summary>
public sealed class GracefulShutdownTests : IAsyncLifetime
{
    private const int InFlight = 6;
    private readonly FakePlatform _platform = new();
    private SampleHostProcess? _host;

    public async ValueTask InitializeAsync()
    {
        await _platform.InitializeAsync();
        _host = await SampleHostProcess.StartAsync(new Dictionary<string, string>
        {
            ["WixUcp__PublicBaseUrl"] = "https://shop.test/",
            ["WixUcp__Signing__PrivateKeyPem"] = UcpAppFactory.SigningKeyPem,
            ["WixUcp__Auth__ApiKeyPepper"] = UcpAppFactory.ApiKeyPepper,
            ["WixUcp__Negotiation__AllowInsecureLoopbackProfiles"] = "true",
            ["WixUcp__Sandbox__PlaceOrderLatency"] = "00:00:02",
            ["WixUcp__Shutdown__DrainTimeout"] = "00:00:20",
            ["UCP_AUTH_ENABLED"] = "false",
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _platform.DisposeAsync();
    }

    [Fact]
    public async Task Completions_in_flight_at_sigterm_all_finish_with_their_orders_and_the_process_exits_cleanly()
    {
        var ready = new List<string>();
        for (var i = 0; i < InFlight; i++)
        {
            ready.Add(await ReadyCheckoutAsync());
        }

        var completions = ready.Select(id => Task.Run(() => SendAsync(HttpMethod.Post, $"/ucp/checkout-sessions/{id}/complete", Checkouts.Complete()))).ToList();
        await AllClaimedAsync(ready);   // every completion has reached the server and is placing its order
        _host!.Terminate();

        // Not ready from the moment the stop begins: 503, or the listener already refuses the connection.
        var probe = await ProbeReadyAsync();
        Assert.NotEqual(HttpStatusCode.OK, probe);

        var answers = await Task.WhenAll(completions);
        Assert.All(answers, a => Assert.Equal((HttpStatusCode.OK, "completed"), (a.Status, a.Json["status"]?.GetValue<string>())));
        Assert.Equal(InFlight, answers.Select(a => a.Json["order"]!["id"]!.GetValue<string>()).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(0, await _host.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }

    private async Task<string> ReadyCheckoutAsync()
    {
        var created = await SendAsync(HttpMethod.Post, "/ucp/checkout-sessions", Checkouts.Create());
        var id = created.Json["id"]!.GetValue<string>();
        var addressed = await SendAsync(HttpMethod.Put, $"/ucp/checkout-sessions/{id}",
            Checkouts.Update(created.Json, """{"fulfillment":{"methods":[{"type":"shipping","selected_destination_id":"addr_ada_work"}]}}"""));
        var ready = await SendAsync(HttpMethod.Put, $"/ucp/checkout-sessions/{id}",
            Checkouts.Update(addressed.Json, """{"fulfillment":{"methods":[{"type":"shipping","groups":[{"id":"fg_1","selected_option_id":"ship-standard"}]}]}}"""));
        Assert.Equal("ready_for_complete", ready.Json["status"]!.GetValue<string>());
        return id;
    }

    // A completion claims its checkout (complete_in_progress) before it calls the backend, which then takes two seconds.
    private async Task AllClaimedAsync(IReadOnlyList<string> ids)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var states = await Task.WhenAll(ids.Select(id => SendAsync(HttpMethod.Get, $"/ucp/checkout-sessions/{id}", body: null)));
            if (states.All(s => s.Json["status"]?.GetValue<string>() is "complete_in_progress" or "completed"))
            {
                return;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.Fail("The completions did not all reach the server.");
    }

    private async Task<HttpStatusCode?> ProbeReadyAsync()
    {
        // Give the signal a moment to arrive, then ask as a load balancer would.
        await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        using var client = _host!.Client();
        try
        {
            using var response = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Assert.True(response.Headers.RetryAfter is not null || response.Content.Headers.ContentLength > 0);
            }

            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private Task<HostResponse> SendAsync(HttpMethod method, string path, string? body) => HostCalls.SendAsync(_host!, _platform, method, path, body);
}
