using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using WixUcp.Webhooks;

namespace WixUcp.Core.Tests.Webhooks;

public sealed class IncomingWebhookVerifierTests
{
    private static readonly byte[] Secret = "shared-secret-of-the-sender"u8.ToArray();
    private static readonly byte[] Body = """{"event":"order.updated","id":"ord_1"}"""u8.ToArray();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_call_signed_over_its_timestamp_and_body_within_the_window_is_valid()
    {
        var verifier = new IncomingWebhookVerifier(_time);
        var timestamp = Seconds(_time.GetUtcNow().AddMinutes(-4));

        Assert.Equal(IncomingWebhookVerdict.Valid, verifier.Verify(Secret, Body, IncomingWebhookVerifier.Sign(Secret, timestamp, Body), timestamp));
    }

    [Fact]
    public void Anything_else_is_refused_with_its_reason()
    {
        var verifier = new IncomingWebhookVerifier(_time);
        var now = Seconds(_time.GetUtcNow());
        var signature = IncomingWebhookVerifier.Sign(Secret, now, Body);

        Assert.Equal(IncomingWebhookVerdict.MissingSignature, verifier.Verify(Secret, Body, null, now));
        Assert.Equal(IncomingWebhookVerdict.MissingTimestamp, verifier.Verify(Secret, Body, signature, null));
        Assert.Equal(IncomingWebhookVerdict.MissingTimestamp, verifier.Verify(Secret, Body, signature, "yesterday"));
        Assert.Equal(IncomingWebhookVerdict.BadSignature, verifier.Verify(Secret, [.. Body, (byte)' '], signature, now));
        Assert.Equal(IncomingWebhookVerdict.BadSignature, verifier.Verify("other"u8, Body, signature, now));
        Assert.Equal(IncomingWebhookVerdict.BadSignature, verifier.Verify(Secret, Body, signature[..^2] + "zz", now));

        // A captured call replayed later, or with its timestamp moved, fails: the timestamp is signed and bounded.
        var old = Seconds(_time.GetUtcNow().AddMinutes(-6));
        Assert.Equal(IncomingWebhookVerdict.StaleTimestamp, verifier.Verify(Secret, Body, IncomingWebhookVerifier.Sign(Secret, old, Body), old));
        Assert.Equal(IncomingWebhookVerdict.StaleTimestamp, verifier.Verify(Secret, Body, signature, Seconds(_time.GetUtcNow().AddMinutes(6))));
        Assert.Equal(IncomingWebhookVerdict.BadSignature, verifier.Verify(Secret, Body, signature, Seconds(_time.GetUtcNow().AddSeconds(1))));
    }

    private static string Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Signatures_under_alternating_secrets_on_one_thread_each_match_a_fresh_hmac()
    {
        // The keyed context a thread reuses must follow the secret (A, B, A again), for small and large bodies.
        byte[] a = [.. Enumerable.Repeat((byte)1, 32)], b = [.. Enumerable.Repeat((byte)2, 32)];
        var small = System.Text.Encoding.UTF8.GetBytes("{\"id\":\"ord_1\"}");
        var large = new byte[100_000];
        foreach (var (secret, body) in new[] { (a, small), (b, small), (a, large), (b, large), (a, small) })
        {
            var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(secret, (byte[])[.. System.Text.Encoding.UTF8.GetBytes("1796083200."), .. body]));
            Assert.Equal(expected, IncomingWebhookVerifier.Sign(secret, "1796083200", body));
        }
    }
}
