using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.Signatures;
using WixUcp.Webhooks;

namespace WixUcp.AspNetCore.Tests.Webhooks;

/// <summary>
/// A webhook signed by the host's <see cref="IWebhookSigner"/> and POSTed to a real receiver on loopback verifies there
/// with the independent verifier and the business profile's published key, from what the receiver actually got.
/// </summary>
public sealed class WebhookSignerTests(UcpFixture fixture) : IClassFixture<UcpFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_signed_webhook_verifies_at_the_receiver_and_fails_when_the_body_changes()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var profile = (await fixture.Client().GetAsync("/.well-known/ucp")).Json;
        var signer = fixture.App.Services.GetRequiredService<IWebhookSigner>();
        var target = new Uri(receiver.BaseUrl, "/webhooks/partners/p1/events/order?x=1");
        var body = Encoding.UTF8.GetBytes("""{"id":"ord_1","checkout_id":"chk_1"}""");
        const string agent = "profile=\"https://shop.test/.well-known/ucp\"";

        var headers = signer.Sign(target, agent, "application/json", body);
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.TryAddWithoutValidation("UCP-Agent", agent);
        request.Headers.TryAddWithoutValidation("Content-Digest", headers.ContentDigest);
        request.Headers.TryAddWithoutValidation("Signature-Input", headers.SignatureInput);
        request.Headers.TryAddWithoutValidation("Signature", headers.Signature);
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.NoContent, (await http.SendAsync(request, Ct)).StatusCode);

        var received = receiver.Received.Single();
        Assert.Equal(["@method", "@authority", "@path", "ucp-agent", "content-digest", "content-type"], SignatureVerifier.Components(received.Header("signature-input")!));
        Assert.True(SignatureVerifier.Verify(received.Header, received.Derived, profile, received.Body));
        Assert.False(SignatureVerifier.Verify(received.Header, received.Derived, profile, [.. received.Body, (byte)' ']));
        Assert.False(SignatureVerifier.Verify(received.Header, c => c == "@path" ? "/webhooks/partners/p2/events/order" : received.Derived(c), profile, received.Body));
    }

    [Fact]
    public void The_shared_secret_form_is_HMAC_SHA256_of_the_timestamp_and_body_and_verifies_in_constant_time()
    {
        var signer = fixture.App.Services.GetRequiredService<IWebhookSigner>();
        var secret = "key"u8.ToArray();
        var body = "The quick brown fox jumps over the lazy dog"u8.ToArray();
        const string Timestamp = "1764504000";

        var signature = signer.SignHmac(secret, Timestamp, body);

        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, (byte[])[.. "1764504000."u8, .. body])), signature);
        Assert.Equal(IncomingWebhookVerifier.Sign(secret, Timestamp, body), signature);
        Assert.True(signer.VerifyHmac(secret, Timestamp, body, signature));
        Assert.True(signer.VerifyHmac(secret, Timestamp, body, signature.ToUpperInvariant().Replace("SHA256=", "sha256=", StringComparison.Ordinal)));
        Assert.False(signer.VerifyHmac(secret, "1764504001", body, signature));
        Assert.False(signer.VerifyHmac(secret, Timestamp, body, signature[..^1] + "9"));
        Assert.False(signer.VerifyHmac("other"u8, Timestamp, body, signature));
        Assert.False(signer.VerifyHmac(secret, Timestamp, body, null));
        Assert.False(signer.VerifyHmac(secret, Timestamp, body, "sha256=zz" + signature[9..]));
        Assert.False(signer.VerifyHmac(secret, Timestamp, body, signature[7..]));
    }
}
