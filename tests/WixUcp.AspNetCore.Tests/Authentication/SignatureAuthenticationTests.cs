using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Authentication;

/// <summary>Requests authenticated by an RFC 9421 signature with the key the platform publishes in its profile.</summary>
public sealed class SignatureAuthenticationTests(AuthenticatedUcpFixture fixture) : IClassFixture<AuthenticatedUcpFixture>
{
    private const string Search = """{"query":"tea"}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_signed_request_authenticates_the_platform_of_its_profile_without_prior_onboarding()
    {
        var search = await SendAsync(Signed("POST", "/ucp/catalog/search", Search));
        var create = await SendAsync(Signed("POST", "/ucp/checkout-sessions", Checkouts.Create(), idempotencyKey: Guid.NewGuid().ToString()));

        Assert.True(search.Status == HttpStatusCode.OK, search.Text);
        Assert.Equal(HttpStatusCode.Created, create.Status);
        Assert.Equal("incomplete", create.Json["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_signed_mcp_tool_call_is_verified_over_the_body_the_tool_then_reads()
    {
        var profile = fixture.Platform.ProfileUrl("signed").AbsoluteUri;
        var call = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search_catalog","arguments":{"meta":{"ucp-agent":{"profile":"PROFILE"}},"catalog":{"query":"tea"}}}}""".Replace("PROFILE", profile, StringComparison.Ordinal);

        var response = await SendAsync(Signed("POST", "/ucp/mcp", call));
        var tampered = Signed("POST", "/ucp/mcp", call);
        var refused = await SendAsync(tampered with { Body = Encoding.UTF8.GetBytes(call.Replace("tea", "tee", StringComparison.Ordinal)) });

        Assert.True(response.Status == HttpStatusCode.OK, response.Text);
        Assert.NotEmpty(response.Json["result"]!["structuredContent"]!["products"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("digest_mismatch", refused.Json["error"]!["data"]!["code"]!.GetValue<string>());
        Assert.Equal(-32600, refused.Json["error"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_2026_08_25_keys_member_is_read_too()
    {
        var response = await SendAsync(Signed("POST", "/ucp/catalog/search", Search, profile: "signed-keys"));
        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task A_replayed_signature_is_refused()
    {
        var request = Signed("POST", "/ucp/catalog/search", Search);
        var first = await SendAsync(request);
        var replay = await SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        AssertRefused(replay, HttpStatusCode.Unauthorized, "signature_invalid", "already used");
    }

    [Fact]
    public async Task An_unknown_kid_is_key_not_found()
    {
        var response = await SendAsync(Signed("POST", "/ucp/catalog/search", Search, keyId: "someone-else"));
        AssertRefused(response, HttpStatusCode.Unauthorized, "key_not_found", "keyid");
    }

    [Fact]
    public async Task A_profile_without_the_key_cannot_be_claimed()
    {
        // The signature is good, but the profile named in UCP-Agent publishes no such key: no binding to a profile the signer does not control.
        var response = await SendAsync(Signed("POST", "/ucp/catalog/search", Search, profile: FakePlatform.AllCapabilities));
        AssertRefused(response, HttpStatusCode.Unauthorized, "key_not_found", "keyid");
    }

    [Fact]
    public async Task A_stale_created_time_is_refused()
    {
        var response = await SendAsync(Signed("POST", "/ucp/catalog/search", Search, created: DateTimeOffset.UtcNow.AddMinutes(-10)));
        AssertRefused(response, HttpStatusCode.Unauthorized, "signature_invalid", "created");
    }

    [Fact]
    public async Task A_changed_body_is_digest_mismatch_and_a_recomputed_digest_breaks_the_signature()
    {
        var original = Signed("POST", "/ucp/catalog/search", Search);
        var other = Encoding.UTF8.GetBytes("""{"query":"matcha"}""");

        var sameDigest = await SendAsync(original with { Body = other });
        var newDigest = await SendAsync(original with { Body = other, Digest = RequestSigner.Digest(other) });

        AssertRefused(sameDigest, HttpStatusCode.BadRequest, "digest_mismatch", "Content-Digest");
        AssertRefused(newDigest, HttpStatusCode.Unauthorized, "signature_invalid", "does not verify");
    }

    [Fact]
    public async Task A_signature_by_another_key_under_the_platform_kid_is_refused()
    {
        using var impostor = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var response = await SendAsync(Signed("POST", "/ucp/catalog/search", Search, key: impostor));
        AssertRefused(response, HttpStatusCode.Unauthorized, "signature_invalid", "does not verify");
    }

    [Fact]
    public async Task The_signature_must_cover_what_UCP_requires()
    {
        var response = await SendAsync(Signed("POST", "/ucp/catalog/search", Search, cover: ["@method", "@authority", "@path", "content-digest", "content-type"]));
        AssertRefused(response, HttpStatusCode.Unauthorized, "signature_invalid", "\"ucp-agent\"");
    }

    [Fact]
    public async Task Only_allow_listed_profiles_may_sign_when_a_list_is_configured()
    {
        await using var app = new UcpAppFactory(new Dictionary<string, string>
        {
            ["WixUcp:Auth:Enabled"] = "true",
            ["WixUcp:Auth:Signatures:AllowedProfiles:0"] = "https://trusted-platform.example/.well-known/ucp",
        });

        var response = await SendAsync(Signed("POST", "/ucp/catalog/search", Search), app.CreateClient());

        AssertRefused(response, HttpStatusCode.Forbidden, "profile_not_trusted", "not trusted");
    }

    private sealed record SignedRequest(string Method, string Path, byte[] Body, string Agent, string Digest, string SignatureInput, string Signature, string? IdempotencyKey);

    private SignedRequest Signed(
        string method, string path, string body, string profile = "signed", string keyId = FakePlatform.SigningKeyId, ECDsa? key = null,
        DateTimeOffset? created = null, string? idempotencyKey = null, string[]? cover = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var agent = fixture.Platform.Agent(profile);
        var digest = RequestSigner.Digest(bytes);
        var values = new Dictionary<string, string>
        {
            ["@method"] = method,
            ["@authority"] = "localhost",
            ["@path"] = path,
            ["ucp-agent"] = agent,
            ["content-digest"] = digest,
            ["content-type"] = "application/json",
        };
        if (idempotencyKey is not null)
        {
            values["idempotency-key"] = idempotencyKey;
        }

        var names = cover ?? [.. values.Keys];
        var (input, signature) = RequestSigner.Sign(
            key ?? fixture.Platform.SigningKey, keyId, [.. names.Select(n => (n, values[n]))], (created ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds());
        return new SignedRequest(method, path, bytes, agent, digest, input, signature, idempotencyKey);
    }

    private async Task<UcpResponse> SendAsync(SignedRequest signed, HttpClient? client = null)
    {
        using var http = client ?? fixture.App.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(signed.Method), signed.Path) { Content = new ByteArrayContent(signed.Body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.TryAddWithoutValidation("UCP-Agent", signed.Agent);
        request.Headers.TryAddWithoutValidation("Content-Digest", signed.Digest);
        request.Headers.TryAddWithoutValidation("Signature-Input", signed.SignatureInput);
        request.Headers.TryAddWithoutValidation("Signature", signed.Signature);
        if (signed.IdempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", signed.IdempotencyKey);
        }

        var response = await http.SendAsync(request, Ct);
        return new UcpResponse(response.StatusCode, await response.Content.ReadAsByteArrayAsync(Ct), response);
    }

    private static void AssertRefused(UcpResponse response, HttpStatusCode status, string code, string reason)
    {
        Assert.Equal(status, response.Status);
        var body = response.Json;
        Assert.Equal(code, body["code"]!.GetValue<string>());
        Assert.Contains(reason, body["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["code", "content"], body.AsObject().Select(p => p.Key));
    }
}
