using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using WixUcp.Commerce;
using WixUcp.Wix.Wire;

namespace WixUcp.Wix;

/// <summary>
/// Access tokens per app instance (OAuth client credentials: app id, secret, instance id), cached until shortly before
/// they expire. Concurrent callers of one instance share a single grant in flight; a token Wix refuses is dropped so
/// the next call asks for a new one.
/// </summary>
internal sealed class WixTokenSource(IHttpClientFactory clients, IOptions<WixUcpOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Token>>> _tokens = new(StringComparer.Ordinal);

    /// <summary>How many grants were asked of Wix (single-flight makes concurrent callers share one).</summary>
    public int Grants => Volatile.Read(ref _grants);

    private int _grants;

    /// <summary>A token for <paramref name="instanceId"/>, from the cache while it has more than the renewal margin left.</summary>
    public async ValueTask<string> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        var margin = options.Value.Wix.TokenRenewalMargin;
        while (true)
        {
            var entry = _tokens.GetOrAdd(instanceId, id => new Lazy<Task<Token>>(() => GrantAsync(id)));
            Token token;
            try
            {
                token = await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                _tokens.TryRemove(new KeyValuePair<string, Lazy<Task<Token>>>(instanceId, entry));
                throw;
            }

            if (token.ExpiresAt - margin > time.GetUtcNow())
            {
                return token.Value;
            }

            _tokens.TryRemove(new KeyValuePair<string, Lazy<Task<Token>>>(instanceId, entry));
        }
    }

    /// <summary>Drops <paramref name="token"/> if it is the cached one (Wix refused it: expired or revoked early).</summary>
    public void Invalidate(string instanceId, string token)
    {
        if (_tokens.TryGetValue(instanceId, out var entry) && entry.IsValueCreated && entry.Value.IsCompletedSuccessfully && entry.Value.Result.Value == token)
        {
            _tokens.TryRemove(new KeyValuePair<string, Lazy<Task<Token>>>(instanceId, entry));
        }
    }

    /// <summary>Drops every cached token of an instance (the app was removed from the site).</summary>
    public void Forget(string instanceId) => _tokens.TryRemove(instanceId, out _);

    // Not tied to the first caller's cancellation: other callers wait on the same grant.
    private async Task<Token> GrantAsync(string instanceId)
    {
        Interlocked.Increment(ref _grants);
        var wix = options.Value.Wix;
        if (string.IsNullOrEmpty(wix.AppId) || string.IsNullOrEmpty(wix.AppSecret))
        {
            throw new CommerceBackendException("WixUcp:Wix:AppId and WixUcp:Wix:AppSecret are needed to act for an app instance.");
        }

        using var timeout = new CancellationTokenSource(wix.RequestTimeout);
        var requested = time.GetUtcNow();
        try
        {
            using var response = await clients.CreateClient(WixApiClient.HttpClientName).PostAsJsonAsync(
                new Uri(wix.BaseUrl, "oauth2/token"),
                new WixTokenRequest { ClientId = wix.AppId, ClientSecret = wix.AppSecret, InstanceId = instanceId },
                WixJson.Default.WixTokenRequest,
                timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                // Never the secret or Wix's body: a refused grant names the instance and the status only.
                throw new CommerceBackendException($"Wix refused an access token for app instance {instanceId} ({(int)response.StatusCode}).");
            }

            var body = await response.Content.ReadFromJsonAsync(WixJson.Default.WixTokenResponse, timeout.Token).ConfigureAwait(false);
            if (string.IsNullOrEmpty(body?.AccessToken) || body.ExpiresIn <= 0)
            {
                throw new CommerceBackendException($"Wix answered a token grant for app instance {instanceId} without a token.");
            }

            // Tokens live four hours; a longer lifetime than a day is not believed.
            return new Token(body.AccessToken, requested + TimeSpan.FromSeconds(Math.Min(body.ExpiresIn, TimeSpan.FromDays(1).TotalSeconds)));
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException or Polly.ExecutionRejectedException)
        {
            throw new CommerceBackendException($"Wix could not be reached for an access token for app instance {instanceId}.", ex);
        }
    }

    private sealed record Token(string Value, DateTimeOffset ExpiresAt);
}
