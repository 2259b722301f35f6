using System.Net;
using System.Text.Json.Nodes;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Hosting;

/// <summary>
/// <c>/health/live</c>, <c>/health/ready</c> and <c>/health/status</c> of the sample host as a real process, with a
/// Redis of the test's own that is stopped and started again.
/// </summary>
public sealed class HealthTests : IAsyncLifetime
{
    private PrivateRedis? _redis;
    private SampleHostProcess? _host;

    public async ValueTask InitializeAsync()
    {
        _redis = await PrivateRedis.StartAsync();
        _host = await SampleHostProcess.StartAsync(new Dictionary<string, string>
        {
            ["REDIS_URL"] = _redis.Url,
            ["WixUcp__PublicBaseUrl"] = "https://shop.test/",
            ["WixUcp__Signing__PrivateKeyPem"] = UcpAppFactory.SigningKeyPem,
            ["WixUcp__Auth__ApiKeyPepper"] = UcpAppFactory.ApiKeyPepper,
            ["WixUcp__Redis__OperationTimeout"] = "00:00:01",
            ["WixUcp__Redis__ConnectTimeout"] = "00:00:01",
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task Ready_turns_503_while_redis_is_down_and_recovers_while_live_stays_200()
    {
        using var client = _host!.Client();
        var status = await StatusAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal("Healthy", status["status"]!.GetValue<string>());
        Assert.Equal(
            ["accepting_requests", "commerce_backend", "redis", "signing_keys"],
            status["components"]!.AsObject().Select(c => c.Key).Order(StringComparer.Ordinal).ToArray());
        Assert.All(status["components"]!.AsObject(), c => Assert.Equal("Healthy", c.Value!["status"]!.GetValue<string>()));

        await _redis!.StopAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await EventuallyAsync(client, "/health/ready", HttpStatusCode.ServiceUnavailable));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
        var down = await StatusAsync(client);
        Assert.Equal(("Unhealthy", "Unhealthy", "Redis did not answer."), (
            down["status"]!.GetValue<string>(), down["components"]!["redis"]!["status"]!.GetValue<string>(), down["components"]!["redis"]!["description"]!.GetValue<string>()));
        Assert.Equal("Healthy", down["components"]!["signing_keys"]!["status"]!.GetValue<string>());
        Assert.DoesNotContain("127.0.0.1", down.ToJsonString(), StringComparison.Ordinal);

        await _redis.StartAgainAsync();
        Assert.Equal(HttpStatusCode.OK, await EventuallyAsync(client, "/health/ready", HttpStatusCode.OK));
    }

    private static async Task<JsonNode> StatusAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/status", TestContext.Current.CancellationToken);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }

    // Redis clients notice a lost or restored server within a few seconds: poll, bounded.
    private static async Task<HttpStatusCode> EventuallyAsync(HttpClient client, string path, HttpStatusCode expected)
    {
        var status = HttpStatusCode.InternalServerError;
        for (var attempt = 0; attempt < 60 && status != expected; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(500, TestContext.Current.CancellationToken);
            }

            status = (await client.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode;
        }

        return status;
    }
}
