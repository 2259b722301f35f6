using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace WixUcp.Authentication;

/// <summary>
/// The token issuer's public keys from its JWKS URL: fetched with a timeout and a size cap, kept for
/// <see cref="JwtOptions.JwksRefreshInterval"/>, and fetched again early (at most once a minute) when a token names an
/// unknown <c>kid</c>, so a key rotation is picked up without letting unknown kids drive a fetch per request.
/// </summary>
internal sealed class JwksKeySource(IHttpClientFactory httpClients, IOptions<WixUcpOptions> options, TimeProvider time) : IDisposable
{
    public const string HttpClientName = "WixUcp.Jwks";
    private const int MaxJwksBytes = 64 * 1024;
    private static readonly TimeSpan MinRefreshInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _fetch = new(1, 1);
    private IReadOnlyList<SecurityKey> _keys = [];
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;

    public async ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - _fetchedAt > options.Value.Auth.Jwt.JwksRefreshInterval)
        {
            await FetchAsync(cancellationToken).ConfigureAwait(false);
        }

        return _keys;
    }

    /// <summary>Fetches the keys again unless that happened within the last minute; true when it did.</summary>
    public Task<bool> RefreshForUnknownKeyAsync(CancellationToken cancellationToken) => FetchAsync(cancellationToken);

    public void Dispose() => _fetch.Dispose();

    private async Task<bool> FetchAsync(CancellationToken cancellationToken)
    {
        await _fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (time.GetUtcNow() - _fetchedAt < MinRefreshInterval)
            {
                return false;
            }

            // Set first: a failing issuer is asked again only after the interval, and the last good keys stay in use.
            _fetchedAt = time.GetUtcNow();
            var url = options.Value.Auth.Jwt.JwksUrl ?? throw new InvalidOperationException("WixUcp:Auth:Jwt:JwksUrl is not set.");
            using var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            if (response.Content.Headers.ContentLength > MaxJwksBytes)
            {
                return false;
            }

            var buffer = new byte[MaxJwksBytes + 1];
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (length > MaxJwksBytes)
                {
                    return false;
                }

                var set = new JsonWebKeySet(System.Text.Encoding.UTF8.GetString(buffer, 0, length));
                _keys = [.. set.GetSigningKeys()];
                return true;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ArgumentException or System.Text.Json.JsonException)
        {
            // The issuer is unreachable or its document is bad: tokens are checked against the keys already held.
            return false;
        }
        finally
        {
            _fetch.Release();
        }
    }
}
