using System.Collections.Concurrent;
using System.Security.Cryptography;
using WixUcp.ApiKeys;

namespace WixUcp.Authentication;

/// <summary>Verifies API keys against <see cref="IApiKeyStore"/> by their keyed hash.</summary>
internal sealed class ApiKeyAuth(IApiKeyStore store, ApiKeyHasher hasher, TimeProvider time) : IUcpAuth
{
    public const string SchemeName = "ApiKey";

    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

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
        var record = await store.FindAsync(hash, cancellationToken).ConfigureAwait(false);

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
