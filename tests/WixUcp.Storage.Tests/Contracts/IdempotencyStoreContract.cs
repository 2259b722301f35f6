using System.Text;
using WixUcp.Idempotency;
using WixUcp.Operations;

namespace WixUcp.Storage.Tests.Contracts;

/// <summary>What every <see cref="IIdempotencyStore"/> must do; each implementation runs this same suite.</summary>
public abstract class IdempotencyStoreContract
{
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract IIdempotencyStore Store { get; }

    [Fact]
    public async Task A_key_is_claimed_once_then_replays_its_response()
    {
        var key = NewKey();
        var response = new IdempotentResponse { StatusCode = 201, ContentType = "application/json", Body = Encoding.UTF8.GetBytes("{\"id\":\"chk_1\"}"), Kind = UcpOutcomeKind.Created };

        Assert.Equal(IdempotencyBeginStatus.Started, (await Store.TryBeginAsync(key, "fp1", Claim, Ct)).Status);
        Assert.Equal(IdempotencyBeginStatus.InProgress, (await Store.TryBeginAsync(key, "fp1", Claim, Ct)).Status);
        Assert.Equal(IdempotencyBeginStatus.Conflict, (await Store.TryBeginAsync(key, "fp2", Claim, Ct)).Status);

        await Store.CompleteAsync(key, response, Lifetime, Ct);
        var replay = await Store.TryBeginAsync(key, "fp1", Claim, Ct);

        Assert.Equal(IdempotencyBeginStatus.Replay, replay.Status);
        Assert.Equal((201, UcpOutcomeKind.Created), (replay.Response!.StatusCode, replay.Response.Kind));
        Assert.Equal(response.Body.ToArray(), replay.Response.Body.ToArray());
        Assert.Equal(IdempotencyBeginStatus.Conflict, (await Store.TryBeginAsync(key, "fp2", Claim, Ct)).Status);
    }

    [Fact]
    public async Task An_abandoned_claim_frees_the_key_but_a_completed_one_stays()
    {
        var abandoned = NewKey();
        var completed = NewKey();
        await Store.TryBeginAsync(abandoned, "fp", Claim, Ct);
        await Store.TryBeginAsync(completed, "fp", Claim, Ct);
        await Store.CompleteAsync(completed, new IdempotentResponse { StatusCode = 200, ContentType = "application/json", Body = "{}"u8.ToArray() }, Lifetime, Ct);

        await Store.AbandonAsync(abandoned, Ct);
        await Store.AbandonAsync(completed, Ct);

        Assert.Equal(IdempotencyBeginStatus.Started, (await Store.TryBeginAsync(abandoned, "other", Claim, Ct)).Status);
        Assert.Equal(IdempotencyBeginStatus.Replay, (await Store.TryBeginAsync(completed, "fp", Claim, Ct)).Status);
    }

    [Fact]
    public async Task A_claim_left_by_a_crashed_request_expires()
    {
        var key = NewKey();
        await Store.TryBeginAsync(key, "fp", TimeSpan.FromMilliseconds(150), Ct);

        await Task.Delay(TimeSpan.FromMilliseconds(400), Ct);

        Assert.Equal(IdempotencyBeginStatus.Started, (await Store.TryBeginAsync(key, "fp", Claim, Ct)).Status);
    }

    [Fact]
    public async Task Of_simultaneous_claims_of_one_key_exactly_one_starts()
    {
        var key = NewKey();

        var claims = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () => (await Store.TryBeginAsync(key, "fp", Claim, Ct)).Status, Ct)));

        Assert.Single(claims, s => s == IdempotencyBeginStatus.Started);
        Assert.All(claims.Where(s => s != IdempotencyBeginStatus.Started), s => Assert.Equal(IdempotencyBeginStatus.InProgress, s));
    }

    private static string NewKey() => Guid.NewGuid().ToString("N");
}
