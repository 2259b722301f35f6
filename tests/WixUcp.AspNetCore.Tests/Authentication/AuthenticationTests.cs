using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.Authentication;

namespace WixUcp.AspNetCore.Tests.Authentication;

/// <summary>A host with authentication on (the product default), keys issued through its own <see cref="ApiKeyIssuer"/>.</summary>
public sealed class AuthenticatedUcpFixture() : UcpFixture(new Dictionary<string, string> { ["WixUcp:Auth:Enabled"] = "true" })
{
    public async Task<string> IssueAsync(string[] permissions, string profile = FakePlatform.AllCapabilities, TimeSpan? lifetime = null, string platform = "platform_a")
    {
        var (key, _) = await Issuer.IssueAsync(platform, [Platform.ProfileUrl(profile).AbsoluteUri], permissions, lifetime, TestContext.Current.CancellationToken);
        return key;
    }

    public ApiKeyIssuer Issuer => App.Services.GetRequiredService<ApiKeyIssuer>();

    /// <summary>A client presenting <paramref name="profile"/> with the given credential headers.</summary>
    public UcpClient Client(string profile, params (string Name, string Value)[] headers)
    {
        var http = App.CreateClient();
        foreach (var (name, value) in headers)
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        }

        return new UcpClient(http, Platform.Agent(profile));
    }
}

public sealed class AuthenticationTests(AuthenticatedUcpFixture fixture) : IClassFixture<AuthenticatedUcpFixture>
{
    private const string Search = """{"query":"tea"}""";

    [Fact]
    public async Task Without_credentials_operations_answer_401_with_WWW_Authenticate_and_a_UCP_body()
    {
        var client = fixture.Client(FakePlatform.AllCapabilities);
        var before = fixture.Platform.Fetches.GetValueOrDefault(FakePlatform.AllCapabilities);

        var response = await client.PostAsync("/ucp/checkout-sessions", Checkouts.Create());

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("application/json", response.Message.Content.Headers.ContentType?.MediaType);
        Assert.Equal("unauthorized", response.Json["code"]!.GetValue<string>());
        Assert.Contains("X-API-Key", response.Json["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("ApiKey realm=\"ucp\"", response.Header("WWW-Authenticate"), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Platform.Fetches.GetValueOrDefault(FakePlatform.AllCapabilities)); // no profile fetch for strangers
    }

    [Fact]
    public async Task Discovery_stays_public()
    {
        var response = await fixture.Client(FakePlatform.AllCapabilities).GetAsync("/.well-known/ucp");
        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Theory]
    [InlineData("X-API-Key", "")]
    [InlineData("Authorization", "ApiKey ")]
    public async Task A_valid_key_works_in_either_header(string header, string prefix)
    {
        var key = await fixture.IssueAsync([UcpPermissions.CheckoutWrite, UcpPermissions.CheckoutRead]);
        var client = fixture.Client(FakePlatform.AllCapabilities, (header, prefix + key));

        var created = await Checkouts.CreateAsync(client, Checkouts.Create());
        var read = await client.GetAsync($"/ucp/checkout-sessions/{created.Json["id"]!.GetValue<string>()}");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(HttpStatusCode.OK, read.Status);
    }

    [Theory]
    [InlineData("X-API-Key", "wixucp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "not valid")]
    [InlineData("X-API-Key", "key with spaces", "not valid")]
    [InlineData("Authorization", "Basic dXNlcjpwYXNz", "scheme is not accepted")]
    [InlineData("Authorization", "ApiKey", "must be '{scheme} {credential}'")]
    public async Task Bad_credentials_answer_401_and_say_why(string header, string value, string reason)
    {
        var response = await fixture.Client(FakePlatform.AllCapabilities, (header, value)).PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("unauthorized", response.Json["code"]!.GetValue<string>());
        Assert.Contains(reason, response.Json["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_credentials_at_once_are_refused()
    {
        var key = await fixture.IssueAsync([UcpPermissions.ProductsRead]);
        var response = await fixture.Client(FakePlatform.AllCapabilities, ("X-API-Key", key), ("Authorization", "ApiKey " + key))
            .PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Contains("exactly one credential", response.Json["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_and_revoked_keys_are_refused()
    {
        var expired = await fixture.IssueAsync([UcpPermissions.ProductsRead], lifetime: TimeSpan.FromTicks(1));
        var revokedKey = await fixture.IssueAsync([UcpPermissions.ProductsRead], platform: "platform_revoked");
        var working = await fixture.Client(FakePlatform.AllCapabilities, ("X-API-Key", revokedKey)).PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);
        var record = (await fixture.Issuer.ListAsync(1000, TestContext.Current.CancellationToken)).Single(r => r.PlatformId == "platform_revoked");
        Assert.True(await fixture.Issuer.RevokeAsync(record.KeyId, TestContext.Current.CancellationToken));

        var afterExpiry = await fixture.Client(FakePlatform.AllCapabilities, ("X-API-Key", expired)).PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);
        var afterRevocation = await fixture.Client(FakePlatform.AllCapabilities, ("X-API-Key", revokedKey)).PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);

        Assert.Equal(HttpStatusCode.OK, working.Status);
        Assert.Equal((HttpStatusCode.Unauthorized, "The API key has expired."), (afterExpiry.Status, afterExpiry.Json["content"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.Unauthorized, "The API key has been revoked."), (afterRevocation.Status, afterRevocation.Json["content"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Each_operation_needs_its_permission_and_says_which_with_403()
    {
        var catalogOnly = fixture.Client(FakePlatform.AllCapabilities, ("X-API-Key", await fixture.IssueAsync([UcpPermissions.ProductsRead])));

        var search = await catalogOnly.PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);
        var create = await catalogOnly.PostAsync("/ucp/checkout-sessions", Checkouts.Create());
        var read = await catalogOnly.GetAsync("/ucp/checkout-sessions/chk_unknown");
        var order = await catalogOnly.GetAsync("/ucp/orders/ord_unknown");

        Assert.Equal(HttpStatusCode.OK, search.Status);
        foreach (var (response, permission) in new[] { (create, "checkout:write"), (read, "checkout:read"), (order, "orders:read") })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.Status);
            Assert.Equal("forbidden", response.Json["code"]!.GetValue<string>());
            Assert.Contains($"({permission})", response.Json["content"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains($"error=\"insufficient_scope\", scope=\"{permission}\"", response.Header("WWW-Authenticate"), StringComparison.Ordinal);
        }

        var writer = fixture.Client(FakePlatform.AllCapabilities, ("X-API-Key", await fixture.IssueAsync([UcpPermissions.CheckoutWrite])));
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.PostAsync("/ucp/catalog/search", Search, idempotencyKey: null)).Status);
        Assert.Equal(HttpStatusCode.Created, (await writer.PostAsync("/ucp/checkout-sessions", Checkouts.Create())).Status);
    }

    [Fact]
    public async Task A_key_may_only_present_its_own_profiles_and_nothing_is_fetched_otherwise()
    {
        var key = await fixture.IssueAsync([UcpPermissions.ProductsRead], profile: FakePlatform.AllCapabilities);
        var before = fixture.Platform.Fetches.GetValueOrDefault("search-only");

        var response = await fixture.Client("search-only", ("X-API-Key", key)).PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("profile_not_trusted", response.Json["code"]!.GetValue<string>());
        Assert.Equal(before, fixture.Platform.Fetches.GetValueOrDefault("search-only"));
    }

    [Fact]
    public async Task Another_platform_gets_the_same_answer_for_a_checkout_it_does_not_own_as_for_an_unknown_one()
    {
        var permissions = new[] { UcpPermissions.CheckoutWrite, UcpPermissions.CheckoutRead };
        var owner = fixture.Client(FakePlatform.AllCapabilities, ("X-API-Key", await fixture.IssueAsync(permissions)));
        var other = fixture.Client("other-platform", ("X-API-Key", await fixture.IssueAsync(permissions, profile: "other-platform", platform: "platform_b")));
        var id = (await Checkouts.CreateAsync(owner, Checkouts.Create())).Json["id"]!.GetValue<string>();

        var foreign = await other.GetAsync($"/ucp/checkout-sessions/{id}");
        var unknown = await other.GetAsync("/ucp/checkout-sessions/chk_00000000000000000000000000");
        var update = await other.PutAsync($"/ucp/checkout-sessions/{id}", Checkouts.Create());

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/ucp/checkout-sessions/{id}")).Status);
        Assert.Equal(unknown.Status, foreign.Status);
        Assert.Equal(unknown.Status, update.Status);
        Assert.Equal(unknown.Json["messages"]?[0]?["code"]?.GetValue<string>(), foreign.Json["messages"]?[0]?["code"]?.GetValue<string>());
        Assert.DoesNotContain("tea_sencha", foreign.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_use_is_recorded_at_most_once_a_minute()
    {
        var key = await fixture.IssueAsync([UcpPermissions.ProductsRead], platform: "platform_touch");
        var client = fixture.Client(FakePlatform.AllCapabilities, ("X-API-Key", key));

        await client.PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);
        var first = (await fixture.Issuer.ListAsync(1000, TestContext.Current.CancellationToken)).Single(r => r.PlatformId == "platform_touch").LastUsedAt;
        await client.PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);
        var second = (await fixture.Issuer.ListAsync(1000, TestContext.Current.CancellationToken)).Single(r => r.PlatformId == "platform_touch").LastUsedAt;

        Assert.NotNull(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task The_embedded_default_logs_a_development_key_that_works_for_any_profile()
    {
        fixture.App.CreateClient().Dispose(); // the host has started
        var line = fixture.App.Logs.Select(l => l.Message).Single(m => m.StartsWith("Development API key: ", StringComparison.Ordinal));
        var key = line["Development API key: ".Length..].Split(' ')[0];

        var response = await fixture.Client("search-only", ("X-API-Key", key)).PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);

        Assert.StartsWith("wixucp_", key, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Keys_are_stored_only_as_keyed_hashes()
    {
        var key = await fixture.IssueAsync([UcpPermissions.ProductsRead], platform: "platform_hash");
        var record = (await fixture.Issuer.ListAsync(1000, TestContext.Current.CancellationToken)).Single(r => r.PlatformId == "platform_hash");
        var plainSha256 = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));
        var keyed = System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(UcpAppFactory.ApiKeyPepper), System.Text.Encoding.UTF8.GetBytes(key));

        Assert.False(record.KeyHash.Span.SequenceEqual(plainSha256));
        Assert.True(record.KeyHash.Span.SequenceEqual(keyed));
    }
}

public sealed class AuthenticationStartupTests
{
    [Fact]
    public async Task With_authentication_off_the_host_warns_at_start_up()
    {
        await using var factory = new UcpAppFactory();
        factory.CreateClient().Dispose();
        Assert.Contains(factory.Logs, l => l.Level == LogLevel.Warning && l.Message.StartsWith("Authentication is off (UCP_AUTH_ENABLED=false)", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs, l => l.Message.StartsWith("Development API key:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outside_Development_a_pepper_is_required_and_a_short_one_is_refused()
    {
        await using var missing = new UcpAppFactory(new Dictionary<string, string> { ["WixUcp:Auth:Enabled"] = "true", ["WixUcp:Auth:ApiKeyPepper"] = "" });
        await using var tooShort = new UcpAppFactory(new Dictionary<string, string> { ["WixUcp:Auth:Enabled"] = "true", ["WixUcp:Auth:ApiKeyPepper"] = "short" });

        var missingError = Assert.ThrowsAny<Exception>(() => missing.CreateClient());
        var shortError = Assert.ThrowsAny<Exception>(() => tooShort.CreateClient());

        Assert.Contains("WixUcp:Auth:ApiKeyPepper must be set outside Development", missingError.ToString(), StringComparison.Ordinal);
        var validation = shortError as OptionsValidationException ?? shortError.InnerException as OptionsValidationException;
        Assert.Contains(validation!.Failures, f => f.StartsWith("WixUcp:Auth:ApiKeyPepper must be at least 32 bytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_PostgreSQL_a_pepper_is_required_even_in_Development()
    {
        var databaseUrl = WixUcp.Storage.Tests.Infrastructure.TestServices.DatabaseUrl();
        await using var factory = new UcpAppFactory(new Dictionary<string, string>
        {
            ["WixUcp:Auth:Enabled"] = "true",
            ["WixUcp:Auth:ApiKeyPepper"] = "",
            ["DATABASE_URL"] = databaseUrl,
            ["WixUcp:Encryption:CurrentKeyId"] = "k1",
            ["WixUcp:Encryption:Keys:k1"] = Convert.ToBase64String(new byte[32]),
        }).WithWebHostBuilder(b => b.UseEnvironment("Development"));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.Contains(validation!.Failures, f => f.StartsWith("API keys are stored in PostgreSQL: set WixUcp:Auth:ApiKeyPepper", StringComparison.Ordinal));
    }

    [Fact]
    public void With_authentication_on_but_not_registered_MapWixUcp_names_both_ways_out()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Services.AddWixUcp()
            .AddSandboxStore(o => o.DataDirectory = Path.Combine(SharedData.RepositoryRoot()!.FullName, "samples", "WixUcp.SampleHost", "data", "sandbox"));
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapWixUcp());

        Assert.Contains("AddUcpAuthentication()", error.Message, StringComparison.Ordinal);
        Assert.Contains("WixUcp:Auth:Enabled=false", error.Message, StringComparison.Ordinal);
    }
}
