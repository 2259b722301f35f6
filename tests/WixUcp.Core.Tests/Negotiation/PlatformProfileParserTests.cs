using System.Text;
using WixUcp.Negotiation;
using WixUcp.Protocol;

namespace WixUcp.Core.Tests.Negotiation;

public sealed class PlatformProfileParserTests
{
    private static readonly Uri Url = new("https://platform.example/profile");

    private const string ValidProfile = """
        {
          "ucp": {
            "version": "2026-04-08",
            "services": {
              "dev.ucp.shopping": [
                { "version": "2026-04-08", "transport": "rest", "spec": "https://ucp.dev/specification/overview", "schema": "https://ucp.dev/services/shopping/rest.openapi.json" }
              ]
            },
            "capabilities": {
              "dev.ucp.shopping.checkout": [ { "version": "2026-04-08", "spec": "https://ucp.dev/specification/checkout" } ],
              "dev.ucp.shopping.fulfillment": [
                { "version": "2026-04-08", "extends": "dev.ucp.shopping.checkout", "config": { "supports_multi_group": true } }
              ],
              "dev.ucp.shopping.order": [
                { "version": "2026-01-23" },
                { "version": "2026-04-08", "config": { "webhook_url": "https://platform.example/webhooks/orders" } }
              ]
            },
            "payment_handlers": {}
          },
          "signing_keys": []
        }
        """;

    [Fact]
    public void Valid_profile_yields_capabilities_and_their_config()
    {
        var profile = Parse(ValidProfile);

        Assert.Equal(Url, profile.Url);
        Assert.Equal("2026-04-08", profile.Version);
        Assert.Equal(
            [UcpCapabilities.Checkout, UcpCapabilities.Fulfillment, UcpCapabilities.Order],
            profile.Capabilities.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["2026-01-23", "2026-04-08"], profile.Capabilities[UcpCapabilities.Order]);
        Assert.Equal(["2026-04-08"], profile.Capabilities[UcpCapabilities.Checkout]);
        Assert.True(profile.SupportsMultiGroup);
        Assert.Equal(new Uri("https://platform.example/webhooks/orders"), profile.OrderWebhookUrl);
    }

    [Fact]
    public void Without_config_multi_group_is_off_and_there_is_no_webhook()
    {
        var profile = Parse("""
            {"ucp":{"version":"2026-04-08","services":{},"payment_handlers":{},
              "capabilities":{
                "dev.ucp.shopping.checkout":[{"version":"2026-04-08"}],
                "dev.ucp.shopping.fulfillment":[{"version":"2026-04-08","config":{"supports_multi_group":false}}],
                "dev.ucp.shopping.order":[{"version":"2026-04-08","config":{"webhook_url":"not a url"}}]}}}
            """);

        Assert.False(profile.SupportsMultiGroup);
        Assert.Null(profile.OrderWebhookUrl);
        Assert.Equal(3, profile.Capabilities.Count);
    }

    [Fact]
    public void Config_flags_are_read_only_from_their_own_capability()
    {
        var profile = Parse("""
            {"ucp":{"version":"2026-04-08","services":{},"payment_handlers":{},
              "capabilities":{
                "dev.ucp.shopping.checkout":[{"version":"2026-04-08","config":{"supports_multi_group":true,"webhook_url":"https://platform.example/hook"}}]}}}
            """);

        Assert.False(profile.SupportsMultiGroup);
        Assert.Null(profile.OrderWebhookUrl);
    }

    [Theory]
    [InlineData("/webhooks/orders")]
    [InlineData("file:///etc/passwd")]
    [InlineData("mailto:orders@platform.example")]
    public void Webhook_url_that_is_not_http_is_ignored(string webhookUrl)
    {
        var profile = Parse(WithCapabilities("{\"dev.ucp.shopping.order\":[{\"version\":\"2026-04-08\",\"config\":{\"webhook_url\":\"" + webhookUrl + "\"}}]}"));

        Assert.Null(profile.OrderWebhookUrl);
    }

    [Fact]
    public void Capabilities_may_be_absent()
    {
        var profile = Parse("""{"ucp":{"version":"2026-04-08","services":{},"payment_handlers":{}}}""");

        Assert.Empty(profile.Capabilities);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("{\"ucp\":")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"ucp\":\"2026-04-08\"}")]
    public void Not_json_or_without_a_ucp_object_is_malformed(string json) => AssertMalformed(json);

    [Theory]
    [InlineData("\"2026-4-8\"")]
    [InlineData("\"draft\"")]
    [InlineData("\"26-04-08\"")]
    [InlineData("\"2026-04-08T00:00:00Z\"")]
    [InlineData("20260408")]
    [InlineData("null")]
    public void Version_must_be_a_date_string(string version) =>
        AssertMalformed("{\"ucp\":{\"version\":" + version + ",\"services\":{},\"payment_handlers\":{}}}");

    [Fact]
    public void Missing_version_is_malformed() =>
        AssertMalformed("""{"ucp":{"services":{},"payment_handlers":{}}}""");

    [Theory]
    [InlineData("""{"ucp":{"version":"2026-04-08","payment_handlers":{}}}""")]
    [InlineData("""{"ucp":{"version":"2026-04-08","services":[],"payment_handlers":{}}}""")]
    [InlineData("""{"ucp":{"version":"2026-04-08","services":{}}}""")]
    public void Services_and_payment_handlers_must_be_objects(string json) => AssertMalformed(json);

    [Theory]
    [InlineData("[]")]
    [InlineData("\"dev.ucp.shopping.checkout\"")]
    [InlineData("null")]
    public void Capabilities_must_be_an_object(string capabilities) =>
        AssertMalformed(WithCapabilities(capabilities));

    [Theory]
    [InlineData("{\"version\":\"2026-04-08\"}")]
    [InlineData("[{}]")]
    [InlineData("[{\"spec\":\"https://ucp.dev/specification/checkout\"}]")]
    [InlineData("[{\"version\":\"latest\"}]")]
    [InlineData("[{\"version\":20260408}]")]
    [InlineData("[\"2026-04-08\"]")]
    [InlineData("[{\"version\":\"2026-04-08\"},{}]")]
    public void Capability_entries_need_a_date_version(string entries) =>
        AssertMalformed(WithCapabilities("{\"dev.ucp.shopping.checkout\":" + entries + "}"));

    [Theory]
    [InlineData("\"2026-04-08\\n\"")]
    [InlineData("\"\u0662\u0660\u0662\u0666-\u0660\u0664-\u0660\u0668\"")]
    public void Version_accepted_only_by_dotnet_regex_semantics_is_malformed(string version) =>
        AssertMalformed("{\"ucp\":{\"version\":" + version + ",\"services\":{},\"payment_handlers\":{}}}");

    [Fact]
    public void Tolerant_mode_reads_absent_services_payment_handlers_and_capabilities_as_empty_and_says_so()
    {
        var profile = PlatformProfileParser.Parse(Url, """{"ucp":{"version":"2026-04-08"}}"""u8, NegotiationMode.Tolerant);
        var complete = PlatformProfileParser.Parse(Url, Encoding.UTF8.GetBytes(ValidProfile), NegotiationMode.Tolerant);

        Assert.Empty(profile.Capabilities);
        Assert.Equal(["services_absent", "payment_handlers_absent", "capabilities_absent"], profile.Tolerances);
        Assert.Empty(complete.Tolerances);
        Assert.Empty(Parse(ValidProfile).Tolerances);
    }

    [Theory]
    [InlineData("""{"ucp":{"version":"2026-04-08","services":[]}}""")]
    [InlineData("""{"ucp":{"version":"2026-04-08","payment_handlers":"none"}}""")]
    [InlineData("""{"ucp":{"version":"2026-04-08","capabilities":[]}}""")]
    [InlineData("""{"ucp":{"version":"April"}}""")]
    [InlineData("""{"ucp":{}}""")]
    public void Tolerant_mode_still_refuses_members_of_the_wrong_shape(string json)
    {
        var error = Assert.Throws<NegotiationException>(() => PlatformProfileParser.Parse(Url, Encoding.UTF8.GetBytes(json), NegotiationMode.Tolerant));

        Assert.Equal("profile_malformed", error.Code);
    }

    private static string WithCapabilities(string capabilities) =>
        "{\"ucp\":{\"version\":\"2026-04-08\",\"services\":{},\"payment_handlers\":{},\"capabilities\":" + capabilities + "}}";

    private static PlatformProfile Parse(string json) => PlatformProfileParser.Parse(Url, Encoding.UTF8.GetBytes(json));

    private static void AssertMalformed(string json)
    {
        var error = Assert.Throws<NegotiationException>(() => Parse(json));

        Assert.Equal("profile_malformed", error.Code);
        Assert.Equal(422, error.StatusCode);
    }
}
