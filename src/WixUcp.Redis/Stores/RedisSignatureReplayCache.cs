using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;
using WixUcp.Authentication;
using WixUcp.Redis.Connection;

namespace WixUcp.Redis.Stores;

/// <summary>
/// Seen request signatures in Redis, one key each (<c>SET NX PX</c>), so a signed request accepted by one replica is
/// refused as a replay by every other within its window. Keys hold a hash of the signature, never the signature.
/// </summary>
internal sealed class RedisSignatureReplayCache(RedisConnection redis) : ISignatureReplayCache
{
    public async ValueTask<bool> TryRecordAsync(string signature, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var key = RedisKeys.Signature(redis.Options.KeyPrefix, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(signature))));
        return await redis.RunAsync(db => db.StringSetAsync(key, 1, window, When.NotExists)).ConfigureAwait(false);
    }
}
