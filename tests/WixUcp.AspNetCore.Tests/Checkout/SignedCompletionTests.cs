using System.Net;
using System.Text.Json.Nodes;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Checkout;

/// <summary>
/// A completion answer is signed (RFC 9421) and verifies with an independent verifier written from the RFC text and
/// the key the business publishes in its profile; the profile itself is checked against the official schema by the client.
/// </summary>
public sealed class SignedCompletionTests(UcpFixture fixture) : IClassFixture<UcpFixture>
{
    [Fact]
    public async Task The_complete_response_verifies_against_the_published_signing_key()
    {
        var client = fixture.Client();
        var profile = (await client.GetAsync("/.well-known/ucp")).Json;
        var ready = await Checkouts.ReadyAsync(client);
        var completed = await client.PostAsync($"/ucp/checkout-sessions/{ready["id"]!.GetValue<string>()}/complete", Checkouts.Complete());

        Assert.Equal(HttpStatusCode.OK, completed.Status);
        Assert.Equal(["@status", "content-digest", "content-type"], SignatureVerifier.Components(completed.Header("Signature-Input")!));
        Assert.True(Verify(completed, profile, completed.Bytes));
        var tampered = completed.Bytes.ToArray();
        tampered[^2] ^= 1;
        Assert.False(Verify(completed, profile, tampered));
    }

    private static bool Verify(UcpResponse response, JsonNode profile, byte[] body) => SignatureVerifier.Verify(
        response.Header,
        _ => ((int)response.Status).ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
        profile,
        body);
}
