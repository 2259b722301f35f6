using System.Collections.Concurrent;
using System.Security.Cryptography;
using WixUcp.ApiKeys;

namespace WixUcp.Authentication;

/// <summary>
/// Verifies API keys against <see cref="IApiKeyStore"/> by their keyed hash. A verified record is kept for
/// <see cref="AuthOptions.ApiKeyCacheDuration"/> (its expiry and revocation still checked on every call), so a busy
/// key costs one store read per window rather than one per request.
/// </summary>
internal sealed class ApiKeyAuth(
    IApiKeyStore store, ApiKeyHasher hasher, TimeProvider time, Microsoft.Extensions.Options.IOptions<WixUcpOptions>? options = null, VerifiedApiKeys? verified = null) : IUcpAuth
{
    public const string SchemeName = "ApiKey";

    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);
    private readonly TimeSpan _cacheDuration = verified is null ? TimeSpan.Zero : options?.Value.Auth.ApiKeyCacheDuration ?? TimeSpan.Zero;

    // When this process last recorded each key's use, so busy keys cost one write a minute, not one a request.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _touched = new(StringComparer.Ordinal);

    public string Scheme => SchemeName;

    public async ValueTask<UcpAuthResult> AuthenticateAsync(string credential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (!ApiKeyFormat.IsPlausible(credential))
        {
            return UcpAuthResult.Refused("The API key is not valid.");
        }

        var hash = hasher.Hash(credential);
        var record = await FindAsync(hash, cancellationToken).ConfigureAwait(false);

        // The store found the row by its hash; comparing again in constant time keeps a store's own comparison out of it.
        if (record is null || !CryptographicOperations.FixedTimeEquals(record.KeyHash.Span, hash))
        {
            return UcpAuthResult.Refused("The API key is not valid.");
        }

        var now = time.GetUtcNow();
        if (record.RevokedAt is not null)
        {
            return UcpAuthResult.Refused("The API key has been revoked.");
        }

        if (record.ExpiresAt <= now)
        {
            return UcpAuthResult.Refused("The API key has expired.");
        }

        await TouchAsync(record, now, cancellationToken).ConfigureAwait(false);
        return UcpAuthResult.Success(new UcpIdentity { PlatformId = record.PlatformId, Permissions = record.Permissions, Profiles = record.ProfileUrls, InstanceId = record.InstanceId });
    }

    private async ValueTask<ApiKeyRecord?> FindAsync(byte[] hash, CancellationToken cancellationToken)
    {
        if (_cacheDuration <= TimeSpan.Zero)
        {
            return await store.FindAsync(hash, cancellationToken).ConfigureAwait(false);
        }

        var cacheKey = Convert.ToBase64String(hash);
        var now = time.GetUtcNow();
        if (verified!.TryGet(cacheKey, now, _cacheDuration, out var cached))
        {
            return cached;
        }

        var record = await store.FindAsync(hash, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            verified.Forget(cacheKey);
            return null;
        }

        verified.Remember(cacheKey, record, now);
        return record;
    }

    private async ValueTask TouchAsync(ApiKeyRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var last = record.LastUsedAt;
        if (_touched.TryGetValue(record.KeyId, out var local) && (last is null || local > last))
        {
            last = local;
        }

        if (last is not null && now - last < TouchInterval)
        {
            return;
        }

        if (_touched.Count > 100_000)
        {
            _touched.Clear();
        }

        _touched[record.KeyId] = now;
        await store.TouchAsync(record.KeyHash, now, cancellationToken).ConfigureAwait(false);
    }
}
