using Microsoft.Extensions.Options;
using WixUcp.Negotiation;
using WixUcp.Core.Tests.TestSupport;
using WixUcp.Protocol;
using WixUcp.Versions;
using WixUcp.Versions.V20260408;

namespace WixUcp.Core.Tests.Negotiation;

public sealed class UcpNegotiatorTests
{
    private const string Version = "2026-04-08";
    private const string ProfileUrl = "https://platform.example/profile";

    private static readonly string[] CheckoutFamily =
        [UcpCapabilities.Checkout, UcpCapabilities.Fulfillment, UcpCapabilities.Discount, UcpCapabilities.BuyerConsent];

    private static readonly string[] Everything =
        [.. CheckoutFamily, UcpCapabilities.Order, UcpCapabilities.CatalogSearch, UcpCapabilities.CatalogLookup];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // --- the UCP-Agent header ---

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Missing_or_blank_header_is_an_invalid_profile_url(string? header)
    {
        var resolver = new StubResolver(Profile(Everything));

        var error = await NegotiateFailsAsync(resolver, header);

        Assert.Equal(("invalid_profile_url", 400), (error.Code, error.StatusCode));
        Assert.Empty(resolver.Requested);
    }

    [Theory]
    [InlineData("profile=\"https://platform.example/profile\" trailing")]
    [InlineData("profile=\"https://platform.example/profile")]
    [InlineData("Profile=\"https://platform.example/profile\"")]
    [InlineData("profile=\"https://platform.example/profile\",")]
    [InlineData("https://platform.example/profile")]
    public async Task Header_that_is_not_a_structured_dictionary_is_rejected(string header)
    {
        var resolver = new StubResolver(Profile(Everything));

        var error = await NegotiateFailsAsync(resolver, header);

        Assert.Equal(("invalid_profile_url", 400), (error.Code, error.StatusCode));
        Assert.Empty(resolver.Requested);
    }

    [Theory]
    [InlineData("profile=https")]
    [InlineData("profile")]
    [InlineData("profile=42")]
    [InlineData("profile=(\"https://platform.example/profile\")")]
    [InlineData("agent=\"https://platform.example/profile\"")]
    public async Task Profile_must_be_a_quoted_string_member(string header)
    {
        var resolver = new StubResolver(Profile(Everything));

        var error = await NegotiateFailsAsync(resolver, header);

        Assert.Equal(("invalid_profile_url", 400), (error.Code, error.StatusCode));
        Assert.Empty(resolver.Requested);
    }

    [Theory]
    [InlineData("/profile")]
    [InlineData("platform.example/profile")]
    [InlineData("profile.json")]
    [InlineData("ftp://platform.example/profile")]
    [InlineData("https://user:secret@platform.example/profile")]
    [InlineData("https://platform.example/profile#me")]
    public async Task Profile_must_be_an_absolute_https_url(string url)
    {
        var resolver = new StubResolver(Profile(Everything));

        var error = await NegotiateFailsAsync(resolver, Header(url));

        Assert.Equal(("invalid_profile_url", 400), (error.Code, error.StatusCode));
        Assert.Empty(resolver.Requested);
    }

    [Theory]
    [InlineData("http://localhost:8000/profile")]
    [InlineData("http://127.0.0.1:8000/profile")]
    [InlineData("http://127.0.0.2/profile")]
    [InlineData("http://[::1]:8000/profile")]
    public async Task Http_loopback_profile_is_allowed_only_when_configured(string url)
    {
        var refused = new StubResolver(Profile(Everything));
        var allowed = new StubResolver(Profile(Everything));

        var error = await NegotiateFailsAsync(refused, Header(url), allowInsecureLoopback: false);
        var result = await Negotiator(allowed, allowInsecureLoopback: true).NegotiateAsync(Header(url), UcpOperation.Checkout, Ct);

        Assert.Equal("invalid_profile_url", error.Code);
        Assert.Empty(refused.Requested);
        Assert.Equal(new Uri(url), Assert.Single(allowed.Requested));
        Assert.True(result.IsCompatible);
    }

    [Theory]
    [InlineData("http://platform.example/profile")]
    [InlineData("http://10.0.0.5/profile")]
    [InlineData("http://localhost.platform.example/profile")]
    public async Task Http_profile_on_another_host_is_rejected_even_when_loopback_is_allowed(string url)
    {
        var resolver = new StubResolver(Profile(Everything));

        var error = await NegotiateFailsAsync(resolver, Header(url), allowInsecureLoopback: true);

        Assert.Equal(("invalid_profile_url", 400), (error.Code, error.StatusCode));
        Assert.Empty(resolver.Requested);
    }

    [Fact]
    public async Task Header_with_parameters_and_other_members_resolves_the_profile()
    {
        var resolver = new StubResolver(Profile(Everything));

        var result = await Negotiator(resolver).NegotiateAsync(
            $"profile=\"{ProfileUrl}\"; version=\"{Version}\", trace=:3q2+7w==:",
            UcpOperation.Checkout,
            Ct);

        Assert.Equal(new Uri(ProfileUrl), Assert.Single(resolver.Requested));
        Assert.Equal(new Uri(ProfileUrl), result.Platform.Url);
        Assert.Equal(Version, result.Version);
    }

    [Fact]
    public async Task Resolver_failure_surfaces_unchanged()
    {
        var failure = new NegotiationException("profile_unreachable", 424, "The platform profile could not be fetched.");
        var resolver = new StubResolver(failure: failure);

        var error = await NegotiateFailsAsync(resolver, Header(ProfileUrl));

        Assert.Same(failure, error);
    }

    // --- version ---

    [Theory]
    [InlineData("2026-01-23")]
    [InlineData("2027-01-01")]
    public async Task Other_protocol_version_is_unsupported(string platformVersion)
    {
        var resolver = new StubResolver(Profile(Everything) with { Version = platformVersion });

        var error = await NegotiateFailsAsync(resolver, Header(ProfileUrl));

        Assert.Equal(("version_unsupported", 422), (error.Code, error.StatusCode));
        Assert.Contains(platformVersion, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_version_is_negotiated_with_its_own_capability_table()
    {
        // A second version is one more registration: negotiation then accepts it and answers with its capabilities.
        var registry = new UcpVersionRegistry([new UcpVersion20260408(), new StandInOlderVersion()]);
        var options = Options.Create(new WixUcpOptions());
        var older = Profile(Everything) with
        {
            Version = StandInOlderVersion.Name,
            Capabilities = Everything.ToDictionary(c => c, _ => (IReadOnlyList<string>)[StandInOlderVersion.Name], StringComparer.Ordinal),
        };

        var negotiated = await new UcpNegotiator(new StubResolver(older), registry, options).NegotiateAsync(Header(ProfileUrl), UcpOperation.Checkout, Ct);
        var current = await new UcpNegotiator(new StubResolver(Profile(Everything)), registry, options).NegotiateAsync(Header(ProfileUrl), UcpOperation.Checkout, Ct);

        Assert.Equal(Version, registry.Current.Version);
        Assert.Equal((StandInOlderVersion.Name, true), (negotiated.Version, negotiated.IsCompatible));
        Assert.Equal([UcpCapabilities.Checkout], negotiated.Capabilities.Keys);
        Assert.Equal(Version, current.Version);
    }

    [Fact]
    public async Task Tolerant_mode_serves_an_undeclared_family_with_the_business_capabilities_and_never_relaxes_the_version()
    {
        var options = new WixUcpOptions();
        options.Negotiation.Mode = NegotiationMode.Tolerant;
        var registry = new UcpVersionRegistry([new UcpVersion20260408()]);
        var orderOnly = Profile(UcpCapabilities.Order);
        var searchOnly = Profile(UcpCapabilities.CatalogSearch);

        var checkout = await new UcpNegotiator(new StubResolver(orderOnly), registry, Options.Create(options)).NegotiateAsync(Header(ProfileUrl), UcpOperation.Checkout, Ct);
        var lookup = await new UcpNegotiator(new StubResolver(searchOnly), registry, Options.Create(options)).NegotiateAsync(Header(ProfileUrl), UcpOperation.CatalogLookup, Ct);
        var older = await Assert.ThrowsAsync<NegotiationException>(async () =>
            await new UcpNegotiator(new StubResolver(orderOnly with { Version = "2026-01-23" }), registry, Options.Create(options)).NegotiateAsync(Header(ProfileUrl), UcpOperation.Checkout, Ct));

        Assert.True(checkout.IsCompatible);
        Assert.Equal(CheckoutFamily.Order(StringComparer.Ordinal), checkout.Capabilities.Keys.Order(StringComparer.Ordinal));
        // A family the platform declares (catalog, through search) is negotiated as declared: lookup stays out.
        Assert.False(lookup.IsCompatible);
        Assert.Equal("version_unsupported", older.Code);
    }

    // --- capability intersection ---

    [Fact]
    public async Task Platform_with_everything_gets_the_checkout_family_for_checkout()
    {
        var result = await NegotiateAsync(Profile(Everything), UcpOperation.Checkout);

        Assert.True(result.IsCompatible);
        Assert.Equal(CheckoutFamily.Order(StringComparer.Ordinal), result.Capabilities.Keys.Order(StringComparer.Ordinal));
        Assert.All(result.Capabilities.Values, v => Assert.Equal(Version, v));
        Assert.False(result.IsActive(UcpCapabilities.Order));
        Assert.False(result.IsActive(UcpCapabilities.CatalogSearch));
        Assert.False(result.IsActive(UcpCapabilities.CatalogLookup));
    }

    [Fact]
    public async Task Platform_without_fulfillment_keeps_the_other_extensions()
    {
        var result = await NegotiateAsync(Profile(UcpCapabilities.Checkout, UcpCapabilities.Discount, UcpCapabilities.BuyerConsent), UcpOperation.Checkout);

        Assert.True(result.IsCompatible);
        Assert.False(result.IsActive(UcpCapabilities.Fulfillment));
        Assert.True(result.IsActive(UcpCapabilities.Discount));
        Assert.True(result.IsActive(UcpCapabilities.BuyerConsent));
    }

    [Fact]
    public async Task Capability_offered_only_in_another_version_is_not_active()
    {
        var profile = Profile(CheckoutFamily) with
        {
            Capabilities = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            {
                [UcpCapabilities.Checkout] = ["2026-01-23", Version],
                [UcpCapabilities.Fulfillment] = ["2026-01-23"],
                [UcpCapabilities.Discount] = [Version],
            },
        };

        var result = await NegotiateAsync(profile, UcpOperation.Checkout);

        Assert.Equal(Version, result.Capabilities[UcpCapabilities.Checkout]);
        Assert.False(result.IsActive(UcpCapabilities.Fulfillment));
        Assert.True(result.IsActive(UcpCapabilities.Discount));
    }

    [Fact]
    public async Task Extensions_without_their_parent_are_pruned()
    {
        var result = await NegotiateAsync(Profile(UcpCapabilities.Fulfillment, UcpCapabilities.Discount, UcpCapabilities.BuyerConsent), UcpOperation.Checkout);

        Assert.False(result.IsCompatible);
        Assert.Empty(result.Capabilities);
    }

    [Fact]
    public async Task Platform_without_checkout_is_still_compatible_for_the_catalog()
    {
        var result = await NegotiateAsync(Profile(UcpCapabilities.Fulfillment, UcpCapabilities.CatalogSearch), UcpOperation.CatalogSearch);

        Assert.True(result.IsCompatible);
        Assert.Equal([UcpCapabilities.CatalogSearch], result.Capabilities.Keys);
    }

    [Fact]
    public async Task Catalog_search_negotiation_carries_only_catalog_search()
    {
        var result = await NegotiateAsync(Profile(Everything), UcpOperation.CatalogSearch);

        Assert.True(result.IsCompatible);
        Assert.Equal([UcpCapabilities.CatalogSearch], result.Capabilities.Keys);
    }

    [Fact]
    public async Task Catalog_lookup_and_order_negotiations_carry_only_their_root()
    {
        var lookup = await NegotiateAsync(Profile(Everything), UcpOperation.CatalogLookup);
        var order = await NegotiateAsync(Profile(Everything), UcpOperation.Order);

        Assert.Equal([UcpCapabilities.CatalogLookup], lookup.Capabilities.Keys);
        Assert.Equal([UcpCapabilities.Order], order.Capabilities.Keys);
    }

    [Fact]
    public async Task Operation_whose_root_the_platform_lacks_is_incompatible()
    {
        var result = await NegotiateAsync(Profile(CheckoutFamily), UcpOperation.CatalogSearch);

        Assert.False(result.IsCompatible);
        Assert.Empty(result.Capabilities);
    }

    [Fact]
    public async Task Unknown_platform_capabilities_are_ignored()
    {
        var result = await NegotiateAsync(Profile(UcpCapabilities.Checkout, "com.example.loyalty", "dev.ucp.shopping.cart"), UcpOperation.Checkout);

        Assert.Equal([UcpCapabilities.Checkout], result.Capabilities.Keys);
    }

    private static async Task<NegotiationResult> NegotiateAsync(PlatformProfile profile, UcpOperation operation) =>
        await Negotiator(new StubResolver(profile)).NegotiateAsync(Header(ProfileUrl), operation, Ct);

    private static async Task<NegotiationException> NegotiateFailsAsync(StubResolver resolver, string? header, bool allowInsecureLoopback = false) =>
        await Assert.ThrowsAsync<NegotiationException>(
            async () => await Negotiator(resolver, allowInsecureLoopback).NegotiateAsync(header, UcpOperation.Checkout, Ct));

    private static UcpNegotiator Negotiator(IPlatformProfileResolver resolver, bool allowInsecureLoopback = false)
    {
        // These are the specification's rules: Strict mode (Tolerant mode has its own tests).
        var options = new WixUcpOptions();
        options.Negotiation.Mode = NegotiationMode.Strict;
        options.Negotiation.AllowInsecureLoopbackProfiles = allowInsecureLoopback;
        return new UcpNegotiator(resolver, new UcpVersionRegistry([new UcpVersion20260408()]), Options.Create(options));
    }

    private static string Header(string url) => $"profile=\"{url}\"";

    private static PlatformProfile Profile(params string[] capabilities) => new()
    {
        Url = new Uri(ProfileUrl),
        Version = Version,
        Capabilities = capabilities.ToDictionary(c => c, _ => (IReadOnlyList<string>)[Version], StringComparer.Ordinal),
    };

    /// <summary>Answers every URL with one profile (its URL set to the one asked for), or throws one failure.</summary>
    private sealed class StubResolver(PlatformProfile? profile = null, NegotiationException? failure = null) : IPlatformProfileResolver
    {
        public List<Uri> Requested { get; } = [];

        public ValueTask<PlatformProfile> ResolveAsync(Uri profileUrl, CancellationToken cancellationToken)
        {
            Requested.Add(profileUrl);
            if (failure is not null)
            {
                return ValueTask.FromException<PlatformProfile>(failure);
            }

            return ValueTask.FromResult(profile! with { Url = profileUrl });
        }
    }
}
