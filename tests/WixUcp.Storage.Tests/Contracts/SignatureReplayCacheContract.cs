using WixUcp.Authentication;

namespace WixUcp.Storage.Tests.Contracts;

/// <summary>What every signature replay cache must do; each implementation runs this suite.</summary>
public abstract class SignatureReplayCacheContract
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract ISignatureReplayCache Cache { get; }

    [Fact]
    public async Task A_signature_is_accepted_once()
    {
        var signature = "sig1:" + Guid.NewGuid().ToString("N");

        Assert.True(await Cache.TryRecordAsync(signature, TimeSpan.FromMinutes(5), Ct));
        Assert.False(await Cache.TryRecordAsync(signature, TimeSpan.FromMinutes(5), Ct));
        Assert.True(await Cache.TryRecordAsync(signature + "x", TimeSpan.FromMinutes(5), Ct));
    }

    [Fact]
    public async Task Concurrent_sightings_of_one_signature_admit_exactly_one()
    {
        var signature = "sig1:" + Guid.NewGuid().ToString("N");

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Cache.TryRecordAsync(signature, TimeSpan.FromMinutes(5), Ct).AsTask()));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task A_signature_is_forgotten_after_its_window()
    {
        var signature = "sig1:" + Guid.NewGuid().ToString("N");

        Assert.True(await Cache.TryRecordAsync(signature, TimeSpan.FromMilliseconds(200), Ct));
        await Task.Delay(TimeSpan.FromMilliseconds(600), Ct);

        Assert.True(await Cache.TryRecordAsync(signature, TimeSpan.FromMinutes(5), Ct));
    }
}

public sealed class InMemorySignatureReplayCacheContract : SignatureReplayCacheContract
{
    protected override ISignatureReplayCache Cache { get; } = new InMemorySignatureReplayCache();
}
