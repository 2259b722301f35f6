using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using WixUcp.AspNetCore.Tests.Authentication;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.RateLimiting;

/// <summary>The sample host with budgets on, JWT platforms, and a clock the test moves (no sleeps).</summary>
public sealed class RateLimitedFixture : UcpFixture
{
    public static readonly DateTimeOffset WindowStart = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public RateLimitedFixture()
        : this(new FakeTimeProvider(WindowStart))
    {
    }

    private RateLimitedFixture(FakeTimeProvider time)
        : base(
            new Dictionary<string, string>
            {
                ["WixUcp:RateLimits:Enabled"] = "true",
                ["WixUcp:RateLimits:Catalog"] = "3",
                ["WixUcp:RateLimits:Checkout"] = "2",
                ["WixUcp:RateLimits:Profile"] = "5",
                ["WixUcp:Auth:Enabled"] = "true",
                ["UCP_JWT_ISSUER"] = Tokens.Issuer,
                ["UCP_JWT_AUDIENCE"] = Tokens.Audience,
                ["UCP_JWT_SECRET"] = Tokens.Secret,
            },
            services => services.AddSingleton<TimeProvider>(time)) => Time = time;

    public FakeTimeProvider Time { get; }

    /// <summary>A platform of its own, authenticated by a JWT whose subject is <paramref name="platform"/>.</summary>
    public UcpClient AsPlatform(string platform)
    {
        var http = App.CreateClient();
        var token = Tokens.Create(Tokens.HsKey(), SecurityAlgorithms.HmacSha256, Platform.ProfileUrl(FakePlatform.AllCapabilities).AbsoluteUri, subject: platform);
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return new UcpClient(http, Platform.Agent());
    }
}

public sealed class RateLimitingTests(RateLimitedFixture fixture) : IClassFixture<RateLimitedFixture>
{
    private const string Search = """{"query":"tea"}""";

    [Fact]
    public async Task Every_answer_carries_the_budget_and_a_refusal_says_exactly_when_to_retry()
    {
        var client = fixture.AsPlatform("platform_headers");

        var admitted = new List<UcpResponse>();
        for (var i = 0; i < 3; i++)
        {
            admitted.Add(await client.PostAsync("/ucp/catalog/search", Search, idempotencyKey: null));
        }

        var refused = await client.PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);

        Assert.All(admitted, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(["2", "1", "0"], admitted.Select(r => r.Header("X-RateLimit-Remaining")));
        Assert.All(admitted, r => Assert.Equal(("3", "120"), (r.Header("X-RateLimit-Limit"), r.Header("X-RateLimit-Reset"))));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("rate_limit_exceeded", refused.Json["code"]!.GetValue<string>());
        Assert.Equal(("80", "3", "0"), (refused.Header("Retry-After"), refused.Header("X-RateLimit-Limit"), refused.Header("X-RateLimit-Remaining")));
        Assert.False(string.IsNullOrEmpty(refused.Header("X-Request-ID")));

        // Retry-After is exact: a second early is still refused, on time is admitted.
        fixture.Time.Advance(TimeSpan.FromSeconds(79));
        var early = await client.PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var onTime = await client.PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);
        Assert.Equal((HttpStatusCode.TooManyRequests, HttpStatusCode.OK), (early.Status, onTime.Status));
        fixture.Time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(80));   // back on a window start, five windows on
    }

    [Fact]
    public async Task Each_platform_and_each_operation_class_has_its_own_budget()
    {
        var greedy = fixture.AsPlatform("platform_greedy");
        var other = fixture.AsPlatform("platform_other");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await greedy.PostAsync("/ucp/catalog/search", Search, idempotencyKey: null)).Status);
        }

        var greedyAgain = await greedy.PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);
        var otherPlatform = await other.PostAsync("/ucp/catalog/search", Search, idempotencyKey: null);
        var greedyCheckout = await greedy.PostAsync("/ucp/checkout-sessions", Checkouts.Create());

        Assert.Equal(HttpStatusCode.TooManyRequests, greedyAgain.Status);
        Assert.Equal((HttpStatusCode.OK, "3", "2"), (otherPlatform.Status, otherPlatform.Header("X-RateLimit-Limit"), otherPlatform.Header("X-RateLimit-Remaining")));
        Assert.Equal((HttpStatusCode.Created, "2", "1"), (greedyCheckout.Status, greedyCheckout.Header("X-RateLimit-Limit"), greedyCheckout.Header("X-RateLimit-Remaining")));
    }

    [Fact]
    public async Task Profile_discovery_is_public_and_limited_by_its_own_budget()
    {
        using var anonymous = fixture.App.CreateClient();

        using var profile = await anonymous.GetAsync("/.well-known/ucp", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Equal("5", profile.Headers.GetValues("X-RateLimit-Limit").Single());
    }
}
