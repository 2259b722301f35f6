using WixUcp.Tenancy;
using WixUcp.ApiKeys;

namespace WixUcp.Authentication;

/// <summary>Issues, lists and revokes API keys in the configured <see cref="IApiKeyStore"/>; the key itself is shown once.</summary>
public sealed class ApiKeyIssuer
{
    private readonly IApiKeyStore _store;
    private readonly ApiKeyHasher _hasher;
    private readonly TimeProvider _time;
    private readonly VerifiedApiKeys? _verified;

    internal ApiKeyIssuer(IApiKeyStore store, ApiKeyHasher hasher, TimeProvider time, VerifiedApiKeys? verified = null)
    {
        _store = store;
        _hasher = hasher;
        _time = time;
        _verified = verified;
    }

    /// <summary>Issues a key.</summary>
    /// <param name="platformId">The platform it belongs to.</param>
    /// <param name="profileUrls">The profile URLs it may present in <c>UCP-Agent</c> (<c>*</c> for any: development only).</param>
    /// <param name="permissions">What it may do (see <see cref="UcpPermissions"/>).</param>
    /// <param name="lifetime">How long it works; null for no expiry.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <param name="instanceId">The store the key acts for (a Wix app instance); null for the default store.</param>
    /// <returns>The key (to hand over once; it is not stored) and its record.</returns>
    public async Task<(string Key, ApiKeyRecord Record)> IssueAsync(
        string platformId, IReadOnlyList<string> profileUrls, IReadOnlyList<string> permissions, TimeSpan? lifetime, CancellationToken cancellationToken, string? instanceId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(platformId);
        ArgumentNullException.ThrowIfNull(profileUrls);
        ArgumentNullException.ThrowIfNull(permissions);
        if (permissions.FirstOrDefault(p => !UcpPermissions.All.Contains(p)) is { } unknown)
        {
            throw new ArgumentException($"Unknown permission '{unknown}'; use {string.Join(", ", UcpPermissions.All)}.", nameof(permissions));
        }

        if (profileUrls.Count == 0 || profileUrls.FirstOrDefault(p => p != "*" && !(Uri.TryCreate(p, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")) is { } bad)
        {
            throw new ArgumentException($"A key needs at least one absolute profile URL{(profileUrls.Count == 0 ? "" : $"; '{profileUrls.First(p => p != "*")}' is not one")}.", nameof(profileUrls));
        }

        var now = _time.GetUtcNow();
        var key = ApiKeyFormat.NewKey();
        var record = new ApiKeyRecord
        {
            KeyHash = _hasher.Hash(key),
            KeyId = ApiKeyFormat.NewKeyId(),
            PlatformId = platformId,
            InstanceId = string.IsNullOrWhiteSpace(instanceId) ? UcpTenant.Default.Id : instanceId.Trim(),
            ProfileUrls = [.. profileUrls],
            Permissions = [.. permissions.Distinct(StringComparer.Ordinal)],
            CreatedAt = now,
            ExpiresAt = lifetime is { } l ? now + l : null,
        };
        if (!await _store.TryAddAsync(record, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("A freshly generated API key collided with a stored one; issue again.");
        }

        return (key, record);
    }

    /// <summary>Lists keys, newest first (never the keys themselves).</summary>
    /// <param name="limit">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    public ValueTask<IReadOnlyList<ApiKeyRecord>> ListAsync(int limit, CancellationToken cancellationToken) => _store.ListAsync(limit, cancellationToken);

    /// <summary>
    /// Revokes a key by its id: it stops working at once in this process, and on other replicas within
    /// <see cref="AuthOptions.ApiKeyCacheDuration"/>.
    /// </summary>
    /// <param name="keyId">The key's id (<c>key_…</c>).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>False when there was no such active key.</returns>
    public async ValueTask<bool> RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        var revoked = await _store.RevokeAsync(keyId, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);

        // This process stops trusting it at once; other replicas within WixUcp:Auth:ApiKeyCacheDuration.
        _verified?.Clear();
        return revoked;
    }
}
