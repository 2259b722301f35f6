using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WixUcp.Storage;

namespace WixUcp.Redis.Connection;

/// <summary>
/// One multiplexed connection per process, opened on first use. Commands that cannot reach Redis, do not finish
/// within <see cref="WixUcpRedisOptions.OperationTimeout"/>, or that Redis answers with an error (LOADING, READONLY,
/// OOM, BUSY, ...) surface as <see cref="StoreUnavailableException"/>.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable, IDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection;

    public RedisConnection(IOptions<WixUcpRedisOptions> options)
    {
        Options = options.Value;
        var configuration = RedisUrl.Parse(Options.Url ?? throw new InvalidOperationException("WixUcp:Redis:Url (or REDIS_URL) is not set."));
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = (int)Options.ConnectTimeout.TotalMilliseconds;
        configuration.SyncTimeout = (int)Options.OperationTimeout.TotalMilliseconds;
        configuration.AsyncTimeout = (int)Options.OperationTimeout.TotalMilliseconds;
        configuration.ClientName = "wixucp";
        _connection = new Lazy<Task<ConnectionMultiplexer>>(() => ConnectionMultiplexer.ConnectAsync(configuration));
    }

    public WixUcpRedisOptions Options { get; }

    /// <summary>The shared multiplexer, for the distributed cache that backs HybridCache.</summary>
    public async Task<IConnectionMultiplexer> GetMultiplexerAsync() => await _connection.Value.ConfigureAwait(false);

    /// <summary>Runs a command, translating transport failures and server errors to <see cref="StoreUnavailableException"/>.</summary>
    public async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> command)
    {
        try
        {
            var connection = await _connection.Value.ConfigureAwait(false);
            return await command(connection.GetDatabase()).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>Runs a command with its arguments (no closure per call), translating failures as <see cref="RunAsync{T}(Func{IDatabase, Task{T}})"/>.</summary>
    public async Task<T> RunAsync<TState, T>(TState state, Func<IDatabase, TState, Task<T>> command)
    {
        try
        {
            var connection = await _connection.Value.ConfigureAwait(false);
            return await command(connection.GetDatabase(), state).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>Runs a script by its hash (no closure per call), translating failures as <see cref="RunAsync{T}(Func{IDatabase, Task{T}})"/>.</summary>
    public Task<RedisResult> EvaluateAsync(RedisScript script, RedisKey[] keys, params RedisValue[] values) =>
        RunAsync((script, keys, values), static (database, call) => call.script.EvaluateAsync(database, call.keys, call.values));

    // A server error is as good as no answer: the store cannot do the command now (still loading its data, a read-only
    // replica after a failover, out of memory, a busy script), and callers apply their outage policy rather than fail
    // the request. NOSCRIPT is not an outage: the script's caller sends it again.
    private static bool IsUnavailable(Exception ex) =>
        ex is RedisConnectionException or RedisTimeoutException or TimeoutException
        || (ex is RedisServerException && !ex.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal));

    private static StoreUnavailableException Unavailable(Exception ex) =>
        ex is RedisServerException
            ? new StoreUnavailableException("Redis answered with an error.", ex) { Store = "redis" }
            : new StoreUnavailableException("Redis did not answer.", ex) { Store = "redis" };

    public void Dispose()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            _connection.Value.Result.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            await _connection.Value.Result.DisposeAsync().ConfigureAwait(false);
        }
    }
}
