using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace WixUcp.Redis.Connection;

/// <summary>
/// A Lua script sent as <c>EVALSHA</c> by a hash computed once, so a call neither resends the script nor looks its hash
/// up in the client's script cache (a shared table behind a lock on every write); a server that has forgotten it (a
/// restart, <c>SCRIPT FLUSH</c>) answers <c>NOSCRIPT</c> and gets the script once more by <c>EVAL</c>.
/// </summary>
internal sealed class RedisScript
{
    // Redis names scripts by SHA-1; this is an identifier, not a security measure.
#pragma warning disable CA5350
    public RedisScript(string source) => (Source, _hash) = (source, SHA1.HashData(Encoding.UTF8.GetBytes(source)));
#pragma warning restore CA5350

    private readonly byte[] _hash;

    /// <summary>The Lua source.</summary>
    public string Source { get; }

    /// <summary>Runs the script.</summary>
    /// <param name="database">The database.</param>
    /// <param name="keys">KEYS.</param>
    /// <param name="values">ARGV.</param>
    /// <returns>The script's result.</returns>
    public async Task<RedisResult> EvaluateAsync(IDatabase database, RedisKey[] keys, RedisValue[] values)
    {
        try
        {
            return await database.ScriptEvaluateAsync(_hash, keys, values).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            return await database.ScriptEvaluateAsync(Source, keys, values).ConfigureAwait(false);
        }
    }
}
