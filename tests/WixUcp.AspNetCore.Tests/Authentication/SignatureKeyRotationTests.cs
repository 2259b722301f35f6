using System.Net;
using System.Security.Cryptography;
using System.Text;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Authentication;

/// <summary>
/// A platform that rotates its signing key is followed: an unknown keyid fetches its profile anew, at most once a
/// minute per origin (UCP), so unknown keys cannot drive a fetch per request. Its own fixture: the limit is per origin.
/// </summary>
public sealed class SignatureKeyRotationTests(AuthenticatedUcpFixture fixture) : IClassFixture<AuthenticatedUcpFixture>
{
    private const string Search = """{"query":"tea"}""";

    [Fact]
    public async Task A_rotated_key_is_picked_up_by_one_refetch_and_unknown_keys_do_not_refetch_again()
    {
        var platform = fixture.Platform;
        var before = await SendAsync(platform.RotatingKey, platform.RotatingKeyId);
        int Fetches()
        {
            lock (platform.Fetches)
            {
                return platform.Fetches.GetValueOrDefault("rotating");
            }
        }

        var fetchesAfterFirst = Fetches();
        using var rotated = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        platform.RotatingKey = rotated;
        platform.RotatingKeyId = "rotating-2";

        var afterRotation = await SendAsync(rotated, "rotating-2");
        using var unknown = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var unknownKeys = new List<UcpResponse>();
        for (var i = 0; i < 3; i++)
        {
            unknownKeys.Add(await SendAsync(unknown, $"never-published-{i}"));
        }

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.OK, afterRotation.Status);
        Assert.All(unknownKeys, r => Assert.Equal((HttpStatusCode.Unauthorized, "key_not_found"), (r.Status, r.Json["code"]!.GetValue<string>())));
        Assert.Equal(fetchesAfterFirst + 1, Fetches());
    }

    private async Task<UcpResponse> SendAsync(ECDsa key, string keyId)
    {
        using var http = fixture.App.CreateClient();
        using var request = RequestSigner.SignedPost(key, keyId, "localhost", "/ucp/catalog/search", fixture.Platform.Agent("rotating"), Encoding.UTF8.GetBytes(Search));
        var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return new UcpResponse(response.StatusCode, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), response);
    }
}
