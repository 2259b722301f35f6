using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using WixUcp.AspNetCore.Tests.Authentication;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Hosting;

/// <summary>
/// The sample host as a real process, logging at DEBUG: a whole checkout with recognisable personal data and secrets
/// leaves JSON lines that carry the request's id, tenant and platform, and none of the personal data or secrets.
/// </summary>
public sealed class StructuredLogTests : IAsyncLifetime
{
    // Recognisable values: none of them may appear in any log line.
    private const string Email = "pii.ada.7731@example.com";
    private const string FirstName = "Adaquintessa";
    private const string LastName = "Lovelacewright";
    private const string Phone = "+15550107731";
    private const string Street = "7731 Confidential Avenue";
    private const string PaymentToken = "success_token";
    private const string WrongApiKey = "wixucp_AAAAsecretAAAAwrongAAAAkeyAAAA0123456789ab";

    private readonly FakePlatform _platform = new();
    private SampleHostProcess? _host;
    private string _token = "";

    public async ValueTask InitializeAsync()
    {
        await _platform.InitializeAsync();
        _token = Tokens.Create(Tokens.HsKey(), "HS256", _platform.ProfileUrl(FakePlatform.AllCapabilities).AbsoluteUri, subject: "platform_logs");
        _host = await SampleHostProcess.StartAsync(new Dictionary<string, string>
        {
            ["LOG_LEVEL"] = "DEBUG",
            ["WixUcp__PublicBaseUrl"] = "https://shop.test/",
            ["WixUcp__Signing__PrivateKeyPem"] = UcpAppFactory.SigningKeyPem,
            ["WixUcp__Auth__ApiKeyPepper"] = UcpAppFactory.ApiKeyPepper,
            ["WixUcp__Negotiation__AllowInsecureLoopbackProfiles"] = "true",
            ["Sample__ServeDemoPlatformProfile"] = "false",
            ["UCP_JWT_ISSUER"] = Tokens.Issuer,
            ["UCP_JWT_AUDIENCE"] = Tokens.Audience,
            ["UCP_JWT_SECRET"] = Tokens.Secret,
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
    public async Task A_checkout_logs_json_lines_with_its_request_context_and_no_personal_data_or_secrets()
    {
        var requestId = "log-test-" + Guid.NewGuid().ToString("N");
        var created = await SendAsync(HttpMethod.Post, "/ucp/checkout-sessions", requestId, $$$"""
            {"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}],
             "buyer":{"email":"{{{Email}}}","first_name":"{{{FirstName}}}","last_name":"{{{LastName}}}","phone_number":"{{{Phone}}}"}}
            """);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var id = created.Json["id"]!.GetValue<string>();
        var lineId = created.Json["line_items"]![0]!["id"]!.GetValue<string>();
        var addressed = await SendAsync(HttpMethod.Put, $"/ucp/checkout-sessions/{id}", requestId, $$$"""
            {"line_items":[{"id":"{{{lineId}}}","item":{"id":"tea_sencha"},"quantity":1}],
             "fulfillment":{"methods":[{"type":"shipping","line_item_ids":["{{{lineId}}}"],"destinations":[{"id":"home","street_address":"{{{Street}}}","address_locality":"Springfield","address_region":"IL","postal_code":"62701","address_country":"US","first_name":"{{{FirstName}}}","phone_number":"{{{Phone}}}"}],"selected_destination_id":"home"}]}}
            """);
        Assert.Equal(HttpStatusCode.OK, addressed.Status);
        var group = addressed.Json["fulfillment"]!["methods"]![0]!["groups"]![0]!;
        var option = group["options"]![0]!["id"]!.GetValue<string>();
        var ready = await SendAsync(HttpMethod.Put, $"/ucp/checkout-sessions/{id}", requestId, $$$"""
            {"line_items":[{"id":"{{{lineId}}}","item":{"id":"tea_sencha"},"quantity":1}],
             "fulfillment":{"methods":[{"type":"shipping","line_item_ids":["{{{lineId}}}"],"groups":[{"id":"{{{group["id"]!.GetValue<string>()}}}","selected_option_id":"{{{option}}}"}]}]}}
            """);
        Assert.Equal("ready_for_complete", ready.Json["status"]!.GetValue<string>());
        var completed = await SendAsync(HttpMethod.Post, $"/ucp/checkout-sessions/{id}/complete", requestId, $$$"""
            {"payment":{"instruments":[{"id":"instr_1","handler_id":"mock_payment_handler","type":"card","credential":{"type":"token","token":"{{{PaymentToken}}}"}}]}}
            """);
        Assert.Equal("completed", completed.Json["status"]!.GetValue<string>());
        var refused = await SendAsync(HttpMethod.Get, $"/ucp/checkout-sessions/{id}", requestId, body: null, apiKey: WrongApiKey);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal(requestId, refused.RequestId);

        var lines = await LinesAsync(l => l.Contains("completed as order", StringComparison.Ordinal));
        var records = lines.Select(l => (Text: l, Json: JsonNode.Parse(l) as JsonObject)).ToList();

        // Every line is one JSON object with the fixed fields.
        Assert.All(records, r =>
        {
            Assert.NotNull(r.Json);
            Assert.All(new[] { "timestamp", "level", "category", "message" }, field => Assert.NotNull(r.Json![field]));
            Assert.Contains(r.Json!["level"]!.GetValue<string>(), new[] { "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL" });
        });

        // The checkout's lifecycle lines carry the request id, the tenant and the platform.
        var ours = records.Where(r => r.Json!["requestId"]?.GetValue<string>() == requestId).Select(r => r.Json!).ToList();
        Assert.Contains(ours, r => r["message"]!.GetValue<string>().Contains($"Checkout {id} created", StringComparison.Ordinal));
        var completion = Assert.Single(ours, r => r["message"]!.GetValue<string>().Contains("completed as order", StringComparison.Ordinal));
        Assert.Equal(("default", "platform_logs"), (completion["instanceId"]?.GetValue<string>(), completion["platformId"]?.GetValue<string>()));
        Assert.Equal(id, completion["CheckoutId"]?.GetValue<string>());

        // No personal data, credential, token or key in any line.
        foreach (var secret in new[] { Email, FirstName, LastName, Phone, Street, PaymentToken, WrongApiKey, _token, Tokens.Secret, UcpAppFactory.ApiKeyPepper })
        {
            Assert.DoesNotContain(records, r => r.Text.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_malformed_request_id_is_replaced_and_ucp_request_id_is_read()
    {
        var replaced = await SendAsync(HttpMethod.Get, "/ucp/checkout-sessions/chk_missing", "bad id\twith spaces", body: null);
        var ucpHeader = await SendAsync(HttpMethod.Get, "/ucp/checkout-sessions/chk_missing", requestId: null, body: null, ucpRequestId: "ucp-req-42");

        Assert.Matches("^[0-9a-f]{32}$", replaced.RequestId);
        Assert.Equal("ucp-req-42", ucpHeader.RequestId);
    }

    private async Task<IReadOnlyList<string>> LinesAsync(Func<string, bool> until)
    {
        // The console logger writes from a queue: wait (bounded) for the line the test needs.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var lines = _host!.OutputLines.Where(l => l.StartsWith('{')).ToList();
            if (lines.Any(until))
            {
                return lines;
            }

            await Task.Delay(100);
        }

        return _host!.OutputLines.Where(l => l.StartsWith('{')).ToList();
    }

    private Task<HostResponse> SendAsync(
        HttpMethod method, string path, string? requestId, string? body, string? apiKey = null, string? ucpRequestId = null) =>
        HostCalls.SendAsync(_host!, _platform, method, path, body, request =>
        {
            if (apiKey is null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            }
            else
            {
                request.Headers.TryAddWithoutValidation("X-API-Key", apiKey);
            }

            if (requestId is not null)
            {
                request.Headers.TryAddWithoutValidation("X-Request-ID", requestId);
            }

            if (ucpRequestId is not null)
            {
                request.Headers.TryAddWithoutValidation("Request-Id", ucpRequestId);
            }
        });
}
