using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using StackExchange.Redis;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.Storage.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Replicas;

/// <summary>
/// Two sample-host processes on two ports over one Redis and one PostgreSQL, behind no load balancer: the tests pick the
/// replica for each call. What one acknowledges, the other sees; one idempotency key runs once across both; concurrent
/// writers lose no update; a replica killed with SIGKILL loses nothing it acknowledged.
/// </summary>
public sealed class ReplicaTests : IAsyncLifetime
{
    private readonly FakePlatform _platform = new();
    private readonly string _keyPrefix = $"test:{Guid.NewGuid():N}:";
    private readonly string _database = "wixucp_replicas_" + Guid.NewGuid().ToString("N");
    private SampleHostProcess? _a;
    private SampleHostProcess? _b;
    private string? _redisUrl;
    private string? _databaseUrl;
    private Dictionary<string, string> _environment = [];
    private string? _apiKey;

    // Ada's saved work address and standard shipping: with her email, the checkout is then ready for completion.
    private const string ShipToAdaStandard = """{"fulfillment":{"methods":[{"type":"shipping","selected_destination_id":"addr_ada_work","groups":[{"id":"fg_1","selected_option_id":"ship-standard"}]}]}}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _platform.InitializeAsync();
        if (Environment.GetEnvironmentVariable(TestServices.RedisVariable) is not { Length: > 0 } redis
            || !TestPostgres.Available)
        {
            return;
        }

        _redisUrl = redis;
        _databaseUrl = await TestPostgres.CreateDatabaseAsync(_database);
        var environment = new Dictionary<string, string>
        {
            ["REDIS_URL"] = redis,
            ["DATABASE_URL"] = _databaseUrl,
            ["WixUcp__Redis__KeyPrefix"] = _keyPrefix,
            ["WixUcp__Encryption__CurrentKeyId"] = "k1",
            ["WixUcp__Encryption__Keys__k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["WixUcp__PublicBaseUrl"] = "https://shop.test/",
            ["WixUcp__Signing__PrivateKeyPem"] = UcpAppFactory.SigningKeyPem,
            ["WixUcp__Auth__ApiKeyPepper"] = UcpAppFactory.ApiKeyPepper,
            ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
            ["WixUcp__Negotiation__AllowInsecureLoopbackProfiles"] = "true",
            ["Sample__ServeDemoPlatformProfile"] = "false",

            // Each replica trusts a verified key for a second: a revocation elsewhere reaches it within that.
            ["WixUcp__Auth__ApiKeyCacheDuration"] = "00:00:01",
        };

        // Both replicas start together: migrations run once under the advisory lock.
        var started = await Task.WhenAll(SampleHostProcess.StartAsync(environment), SampleHostProcess.StartAsync(environment));
        (_a, _b) = (started[0], started[1]);
        _environment = environment;

        // The replicas' key, issued as an operator would: by the sample host's keys verb, into the shared database.
        _apiKey = await CreateKeyAsync("replica_tests", "checkout:read,checkout:write,orders:read,products:read");
    }

    private async Task<string> CreateKeyAsync(string platform, string permissions)
    {
        var (exitCode, output, error) = await SampleHostProcess.RunCommandAsync(
            _environment, "keys", "create", "--platform", platform, "--profile", _platform.ProfileUrl(FakePlatform.AllCapabilities).AbsoluteUri, "--permissions", permissions);
        Assert.True(exitCode == 0, error);
        return output.TrimEnd().Split('\n')[^1];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new[] { _a, _b })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        if (_databaseUrl is not null)
        {
            await TestPostgres.DropDatabaseAsync(_database);
        }

        await _platform.DisposeAsync();
    }

    [Fact]
    public async Task A_checkout_moves_between_replicas_and_a_retry_on_the_other_replays_byte_for_byte()
    {
        RequireServices();
        var created = await SendAsync(_a!, HttpMethod.Post, "/ucp/checkout-sessions", Checkouts.Create("tea_sencha", 1));
        var id = created.Json["id"]!.GetValue<string>();
        var addressed = await SendAsync(_b!, HttpMethod.Put, $"/ucp/checkout-sessions/{id}",
            Checkouts.Update(created.Json, ShipToAdaStandard));
        Assert.Equal("ready_for_complete", addressed.Json["status"]!.GetValue<string>());

        var key = Guid.NewGuid().ToString();
        var completed = await SendAsync(_a!, HttpMethod.Post, $"/ucp/checkout-sessions/{id}/complete", Checkouts.Complete(), key);
        var retried = await SendAsync(_b!, HttpMethod.Post, $"/ucp/checkout-sessions/{id}/complete", Checkouts.Complete(), key);

        Assert.Equal("completed", completed.Json["status"]!.GetValue<string>());
        Assert.Equal(completed.Bytes, retried.Bytes);
        Assert.Equal("true", retried.Header("Idempotent-Replayed"));
        var order = await SendAsync(_b!, HttpMethod.Get, $"/ucp/orders/{completed.Json["order"]!["id"]!.GetValue<string>()}", body: null);
        Assert.Equal(id, order.Json["checkout_id"]!.GetValue<string>());

        // The platform profile was fetched by the first replica only: the second found it in the shared cache.
        lock (_platform.Fetches)
        {
            Assert.Equal(1, _platform.Fetches[FakePlatform.AllCapabilities]);
        }
    }

    [Fact]
    public async Task A_cart_made_on_one_replica_is_updated_and_checked_out_on_the_other_then_canceled_everywhere()
    {
        RequireServices();
        var created = await SendAsync(_a!, HttpMethod.Post, "/ucp/carts", """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}]}""");
        var id = created.Json["id"]!.GetValue<string>();
        var updated = await SendAsync(_b!, HttpMethod.Put, "/ucp/carts/" + id, """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":3}]}""");
        Assert.Equal(3, updated.Json["line_items"]![0]!["quantity"]!.GetValue<int>());

        var checkout = await SendAsync(_a!, HttpMethod.Post, "/ucp/checkout-sessions", $$$"""{"cart_id":"{{{id}}}","line_items":[{"item":{"id":"tea_sencha"},"quantity":1}]}""");
        Assert.Equal(3, checkout.Json["line_items"]![0]!["quantity"]!.GetValue<int>());
        var again = await SendAsync(_b!, HttpMethod.Post, "/ucp/checkout-sessions", $$$"""{"cart_id":"{{{id}}}","line_items":[{"item":{"id":"tea_sencha"},"quantity":1}]}""");
        Assert.Equal(checkout.Json["id"]!.GetValue<string>(), again.Json["id"]!.GetValue<string>());

        await SendAsync(_b!, HttpMethod.Post, $"/ucp/carts/{id}/cancel", body: null);
        var gone = await SendAsync(_a!, HttpMethod.Get, "/ucp/carts/" + id, body: null);
        Assert.Equal("not_found", gone.Json["messages"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fifty_concurrent_identical_creates_over_both_replicas_create_one_checkout()
    {
        RequireServices();
        var key = Guid.NewGuid().ToString();
        var body = Checkouts.Create("tea_assam", 1);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => SendAsync(i % 2 == 0 ? _a! : _b!, HttpMethod.Post, "/ucp/checkout-sessions", body, key, check: false)));

        Assert.All(responses, r => Assert.Contains(r.Status, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.All(responses.Where(r => r.Status == HttpStatusCode.Conflict), r => Assert.Equal("idempotency_in_progress", r.Json["code"]!.GetValue<string>()));
        var ids = responses.Where(r => r.Status == HttpStatusCode.Created).Select(r => r.Json["id"]!.GetValue<string>()).Distinct().ToList();
        Assert.Single(ids);
        Assert.Equal(1, await CountKeysAsync($"{_keyPrefix}{{default}}:checkout:*"));
    }

    [Fact]
    public async Task Twenty_concurrent_updates_over_both_replicas_lose_none()
    {
        RequireServices();
        var created = await SendAsync(_a!, HttpMethod.Post, "/ucp/checkout-sessions", Checkouts.Create("tea_sencha", 1));
        var id = created.Json["id"]!.GetValue<string>();

        var updates = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => SendAsync(
            i % 2 == 0 ? _a! : _b!,
            HttpMethod.Put,
            $"/ucp/checkout-sessions/{id}",
            Checkouts.Update(created.Json, new JsonObject { ["buyer"] = new JsonObject { ["email"] = $"buyer{i}@example.com" } }.ToJsonString()),
            check: false)));

        var accepted = updates.Count(u => u.Status == HttpStatusCode.OK);
        Assert.True(accepted >= 1);
        Assert.All(updates.Where(u => u.Status != HttpStatusCode.OK), u =>
            Assert.Equal((HttpStatusCode.Conflict, "checkout_modified"), (u.Status, u.Json["code"]!.GetValue<string>())));

        // Every accepted update advanced the version once: none was overwritten by another.
        var stored = await StoredVersionAsync(id);
        Assert.Equal(1 + accepted, stored);
        var emails = updates.Where(u => u.Status == HttpStatusCode.OK).Select(u => u.Json["buyer"]!["email"]!.GetValue<string>()).ToHashSet();
        var final = await SendAsync(_b!, HttpMethod.Get, $"/ucp/checkout-sessions/{id}", body: null);
        Assert.Contains(final.Json["buyer"]!["email"]!.GetValue<string>(), emails);
    }

    [Fact]
    public async Task A_replica_killed_mid_flow_loses_nothing_it_acknowledged()
    {
        RequireServices();
        var created = await SendAsync(_a!, HttpMethod.Post, "/ucp/checkout-sessions", Checkouts.Create("tea_matcha", 1));
        var id = created.Json["id"]!.GetValue<string>();
        var ready = await SendAsync(_a!, HttpMethod.Put, $"/ucp/checkout-sessions/{id}",
            Checkouts.Update(created.Json, ShipToAdaStandard));
        var other = await SendAsync(_a!, HttpMethod.Post, "/ucp/checkout-sessions", Checkouts.Create("tea_sencha", 3));
        var completed = await SendAsync(_a!, HttpMethod.Post, $"/ucp/checkout-sessions/{id}/complete", Checkouts.Complete());

        _a!.Kill();

        var checkout = await SendAsync(_b!, HttpMethod.Get, $"/ucp/checkout-sessions/{id}", body: null);
        var otherRead = await SendAsync(_b!, HttpMethod.Get, $"/ucp/checkout-sessions/{other.Json["id"]!.GetValue<string>()}", body: null);
        var order = await SendAsync(_b!, HttpMethod.Get, $"/ucp/orders/{completed.Json["order"]!["id"]!.GetValue<string>()}", body: null);

        Assert.Equal("ready_for_complete", ready.Json["status"]!.GetValue<string>());
        Assert.Equal(("completed", completed.Json["order"]!["id"]!.GetValue<string>()), (checkout.Json["status"]!.GetValue<string>(), checkout.Json["order"]!["id"]!.GetValue<string>()));
        Assert.Equal(3, otherRead.Json["line_items"]![0]!["quantity"]!.GetValue<int>());
        Assert.Equal(completed.Json["totals"]!.ToJsonString(), order.Json["totals"]!.ToJsonString());
    }

    [Fact]
    public async Task A_key_from_the_keys_verb_works_on_both_replicas_is_listed_and_stops_everywhere_within_the_cache_window_once_revoked()
    {
        RequireServices();
        var key = await CreateKeyAsync("platform_revoked", "products:read");
        const string search = """{"query":"tea"}""";

        var before = await Task.WhenAll(
            SendAsync(_a!, HttpMethod.Post, "/ucp/catalog/search", search, idempotencyKey: null, check: false, apiKey: key),
            SendAsync(_b!, HttpMethod.Post, "/ucp/catalog/search", search, idempotencyKey: null, check: false, apiKey: key));
        var list = await SampleHostProcess.RunCommandAsync(_environment, "keys", "list");
        var line = list.Output.Split('\n').Single(l => l.Contains("platform=platform_revoked", StringComparison.Ordinal));
        var keyId = line.Split('\t')[0];
        var revoke = await SampleHostProcess.RunCommandAsync(_environment, "keys", "revoke", keyId);
        var revokedAt = DateTime.UtcNow;
        var again = await SampleHostProcess.RunCommandAsync(_environment, "keys", "revoke", keyId);

        // The revocation was made by another process: each replica stops trusting the key within its cache window (1 s).
        UcpResponse[] after;
        do
        {
            after = await Task.WhenAll(
                SendAsync(_a!, HttpMethod.Post, "/ucp/catalog/search", search, idempotencyKey: null, check: false, apiKey: key),
                SendAsync(_b!, HttpMethod.Post, "/ucp/catalog/search", search, idempotencyKey: null, check: false, apiKey: key));
            await Task.Delay(100, Ct);
        }
        while (after.Any(r => r.Status == HttpStatusCode.OK) && DateTime.UtcNow - revokedAt < TimeSpan.FromSeconds(3));

        Assert.All(before, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Contains("last_used=20", line, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list.Output, StringComparison.Ordinal); // listing never shows a key
        Assert.Equal((0, 1), (revoke.ExitCode, again.ExitCode));
        Assert.All(after, r => Assert.Equal((HttpStatusCode.Unauthorized, "The API key has been revoked."), (r.Status, r.Json["content"]!.GetValue<string>())));
    }

    [Fact]
    public async Task A_signed_request_accepted_by_one_replica_is_a_replay_on_the_other()
    {
        RequireServices();

        // Behind one load balancer both replicas see the authority the platform signed (shop.test, forwarded by a trusted proxy).
        var body = Encoding.UTF8.GetBytes("""{"query":"tea"}""");
        using var created = RequestSigner.SignedPost(_platform.SigningKey, FakePlatform.SigningKeyId, "shop.test", "/ucp/catalog/search", _platform.Agent("signed"), body);

        async Task<UcpResponse> SendAsync(SampleHostProcess host)
        {
            // The same signed bytes and headers each time, as a replaying attacker would send them.
            using var client = host.Client();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/ucp/catalog/search") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
            foreach (var header in created.Headers)
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            request.Headers.TryAddWithoutValidation("X-Forwarded-Host", "shop.test");
            request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
            var response = await client.SendAsync(request, Ct);
            return new UcpResponse(response.StatusCode, await response.Content.ReadAsByteArrayAsync(Ct), response);
        }

        var first = await SendAsync(_a!);
        var replay = await SendAsync(_b!);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal((HttpStatusCode.Unauthorized, "This signature was already used."), (replay.Status, replay.Json["content"]!.GetValue<string>()));
        Assert.Equal(1, await CountKeysAsync(_keyPrefix + "signature:*"));
    }

    [Fact]
    public async Task The_keys_verb_refuses_an_in_memory_store_and_bad_permissions()
    {
        RequireServices();
        var memory = await SampleHostProcess.RunCommandAsync(new Dictionary<string, string>(), "keys", "list");
        var unknown = await SampleHostProcess.RunCommandAsync(
            _environment, "keys", "create", "--platform", "p", "--profile", "https://p.example/ucp", "--permissions", "checkout:everything");

        Assert.Equal(2, memory.ExitCode);
        Assert.Contains("set DATABASE_URL", memory.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Unknown permission 'checkout:everything'", unknown.Error, StringComparison.Ordinal);
        Assert.Equal("", unknown.Output);
    }

    private void RequireServices()
    {
        TestServices.RedisUrl();
        TestServices.DatabaseUrl();
        Assert.NotNull(_a);
    }

    private async Task<UcpResponse> SendAsync(SampleHostProcess host, HttpMethod method, string path, string? body, string? idempotencyKey = "", bool check = true, string? apiKey = null)
    {
        using var client = host.Client();
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("UCP-Agent", _platform.Agent());
        request.Headers.TryAddWithoutValidation("X-API-Key", apiKey ?? _apiKey);
        if (method != HttpMethod.Get)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey == "" ? Guid.NewGuid().ToString() : idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        }

        var response = await client.SendAsync(request, Ct);
        var result = new UcpResponse(response.StatusCode, await response.Content.ReadAsByteArrayAsync(Ct), response);
        if (check)
        {
            Assert.True(result.Status is HttpStatusCode.OK or HttpStatusCode.Created, $"{method} {path}: {(int)result.Status} {result.Text}");
        }

        return result;
    }

    private async Task<long> CountKeysAsync(string pattern)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(new Uri(_redisUrl!).Authority);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        return await server.KeysAsync(pattern: pattern).CountAsync(Ct);
    }

    private async Task<long> StoredVersionAsync(string checkoutId)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(new Uri(_redisUrl!).Authority);
        return (long)await redis.GetDatabase().HashGetAsync($"{_keyPrefix}{{default}}:checkout:{checkoutId}", "v");
    }
}
