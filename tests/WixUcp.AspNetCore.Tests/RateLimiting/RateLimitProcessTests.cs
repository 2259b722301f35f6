using System.Net;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.Storage.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.RateLimiting;

/// <summary>
/// Rate limits across real processes: replicas sharing one real Redis share one budget; the client address comes from
/// forwarded headers only behind a trusted proxy; and a Redis outage is decided by the store-failure policy.
/// </summary>
public sealed class RateLimitProcessTests : IAsyncLifetime
{
    private const string Search = """{"query":"tea"}""";
    private readonly FakePlatform _platform = new();

    public ValueTask InitializeAsync() => _platform.InitializeAsync();

    public ValueTask DisposeAsync() => _platform.DisposeAsync();

    [Fact]
    public async Task Two_replicas_on_one_redis_admit_exactly_one_budget_between_them()
    {
        var environment = Environment(("REDIS_URL", TestServices.RedisUrl()), ("WixUcp__Redis__KeyPrefix", $"test:{Guid.NewGuid():N}:"), ("WixUcp__RateLimits__Catalog", "10"));
        var replicas = await Task.WhenAll(SampleHostProcess.StartAsync(environment), SampleHostProcess.StartAsync(environment));
        await using var a = replicas[0];
        await using var b = replicas[1];

        // 30 searches of one client, alternating replicas, 5 at a time.
        var statuses = new List<(int Replica, HttpStatusCode Status)>();
        for (var round = 0; round < 6; round++)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, 5).Select(async i =>
            {
                var replica = (round * 5 + i) % 2;
                var response = await SendAsync(replica == 0 ? a : b, Search);
                return (replica, response.Status);
            }));
            statuses.AddRange(batch);
        }

        Assert.Equal(10, statuses.Count(s => s.Status == HttpStatusCode.OK));
        Assert.Equal(20, statuses.Count(s => s.Status == HttpStatusCode.TooManyRequests));
        Assert.All(new[] { 0, 1 }, replica => Assert.Contains(statuses, s => s.Replica == replica && s.Status == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task The_client_address_comes_from_forwarded_headers_only_behind_a_trusted_proxy()
    {
        var budget = ("WixUcp__RateLimits__Catalog", "2");
        await using var behindProxy = await SampleHostProcess.StartAsync(Environment(budget, ("ForwardedHeaders__KnownProxies__0", "127.0.0.1")));
        await using var direct = await SampleHostProcess.StartAsync(Environment(budget));

        async Task<HttpStatusCode[]> FromAsync(SampleHostProcess host, params string[] forwardedFor)
        {
            var statuses = new List<HttpStatusCode>();
            foreach (var address in forwardedFor)
            {
                statuses.Add((await SendAsync(host, Search, address)).Status);
            }

            return [.. statuses];
        }

        // Behind the trusted proxy each forwarded client has its own budget of 2.
        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK, HttpStatusCode.OK],
            await FromAsync(behindProxy, "203.0.113.1", "203.0.113.1", "203.0.113.1", "203.0.113.2", "203.0.113.2"));

        // Without it X-Forwarded-For is anyone's claim and is ignored: every request is the connection's, one budget.
        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests],
            await FromAsync(direct, "203.0.113.1", "203.0.113.2", "203.0.113.3"));
    }

    [Fact]
    public async Task A_redis_outage_is_decided_by_the_store_failure_policy_without_errors_or_waits()
    {
        await using var redis = await PrivateRedis.StartAsync();
        var shared = new[] { ("REDIS_URL", redis.Url), ("WixUcp__Redis__OperationTimeout", "00:00:01"), ("WixUcp__Redis__ConnectTimeout", "00:00:01") };
        await using var open = await SampleHostProcess.StartAsync(Environment([.. shared, ("WixUcp__RateLimits__StoreFailure", "FailOpen")]));
        await using var closed = await SampleHostProcess.StartAsync(Environment([.. shared, ("WixUcp__RateLimits__StoreFailure", "FailClosed")]));
        Assert.Equal("9", (await SendAsync(open, Search)).Headers("X-RateLimit-Remaining"));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(closed, Search)).Status);

        await redis.StopAsync();
        var openAnswers = new List<HostResponseWithHeaders>();
        var closedAnswers = new List<HostResponseWithHeaders>();
        for (var i = 0; i < 3; i++)
        {
            openAnswers.Add(await SendAsync(open, Search));
            closedAnswers.Add(await SendAsync(closed, Search));
        }

        // Fail open: served, uncounted (no budget headers); fail closed: 503 with Retry-After, never a 500.
        Assert.All(openAnswers, r => Assert.Equal((HttpStatusCode.OK, null), (r.Status, r.Headers("X-RateLimit-Remaining"))));
        Assert.All(closedAnswers, r => Assert.Equal((HttpStatusCode.ServiceUnavailable, "backend_unavailable", "5"), (r.Status, r.Code, r.Headers("Retry-After"))));
    }

    [Fact]
    public async Task A_redis_that_answers_with_errors_is_decided_by_the_store_failure_policy_too()
    {
        await using var redis = await PrivateRedis.StartAsync();
        var shared = new[] { ("REDIS_URL", redis.Url) };
        await using var open = await SampleHostProcess.StartAsync(Environment([.. shared, ("WixUcp__RateLimits__StoreFailure", "FailOpen")]));
        await using var closed = await SampleHostProcess.StartAsync(Environment([.. shared, ("WixUcp__RateLimits__StoreFailure", "FailClosed")]));
        Assert.Equal("9", (await SendAsync(open, Search)).Headers("X-RateLimit-Remaining"));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(closed, Search)).Status);

        // Out of memory without eviction: Redis is up and answers, but every write is an OOM error.
        await redis.ConfigSetAsync("maxmemory-policy", "noeviction");
        await redis.ConfigSetAsync("maxmemory", "1");
        var openAnswers = new List<HostResponseWithHeaders>();
        var closedAnswers = new List<HostResponseWithHeaders>();
        for (var i = 0; i < 3; i++)
        {
            openAnswers.Add(await SendAsync(open, Search));
            closedAnswers.Add(await SendAsync(closed, Search));
        }

        Assert.All(openAnswers, r => Assert.Equal((HttpStatusCode.OK, null), (r.Status, r.Headers("X-RateLimit-Remaining"))));
        Assert.All(closedAnswers, r => Assert.Equal((HttpStatusCode.ServiceUnavailable, "backend_unavailable", "5"), (r.Status, r.Code, r.Headers("Retry-After"))));
    }

    private static Dictionary<string, string> Environment(params (string Key, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["UCP_RATE_LIMIT_ENABLED"] = "true",
            ["UCP_AUTH_ENABLED"] = "false",
            ["WixUcp__PublicBaseUrl"] = "https://shop.test/",
            ["WixUcp__Signing__PrivateKeyPem"] = UcpAppFactory.SigningKeyPem,
            ["WixUcp__Auth__ApiKeyPepper"] = UcpAppFactory.ApiKeyPepper,
            ["WixUcp__Negotiation__AllowInsecureLoopbackProfiles"] = "true",
            ["Sample__ServeDemoPlatformProfile"] = "false",
            ["WixUcp__RateLimits__Window"] = "01:00:00",   // one window for the whole test
            ["WixUcp__RateLimits__Catalog"] = "10",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return environment;
    }

    private async Task<HostResponseWithHeaders> SendAsync(SampleHostProcess host, string body, string? forwardedFor = null)
    {
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/ucp/catalog/search") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("UCP-Agent", _platform.Agent());
        if (forwardedFor is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var code = response.IsSuccessStatusCode || text.Length == 0 ? null : System.Text.Json.Nodes.JsonNode.Parse(text)?["code"]?.GetValue<string>();
        var headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new HostResponseWithHeaders(response.StatusCode, code, headers);
    }

    private sealed record HostResponseWithHeaders(HttpStatusCode Status, string? Code, Dictionary<string, string> HeaderValues)
    {
        public string? Headers(string name) => HeaderValues.GetValueOrDefault(name);
    }
}
