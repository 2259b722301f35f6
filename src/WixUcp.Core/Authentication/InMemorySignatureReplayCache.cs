using Microsoft.Extensions.Caching.Memory;

namespace WixUcp.Authentication;

/// <summary>Seen signatures in this process's memory, bounded: for the embedded default and single replicas.</summary>
internal sealed class InMemorySignatureReplayCache : ISignatureReplayCache, IDisposable
{
    private readonly MemoryCache _seen = new(new MemoryCacheOptions { SizeLimit = 200_000 });
    private readonly Lock _lock = new();

    public ValueTask<bool> TryRecordAsync(string signature, TimeSpan window, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_seen.TryGetValue(signature, out _))
            {
                return ValueTask.FromResult(false);
            }

            _seen.Set(signature, true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = window, Size = 1 });
            return ValueTask.FromResult(true);
        }
    }

    public void Dispose() => _seen.Dispose();
}
