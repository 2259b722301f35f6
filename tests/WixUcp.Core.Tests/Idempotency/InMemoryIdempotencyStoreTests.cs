using System.Text;
using Microsoft.Extensions.Time.Testing;
using WixUcp.Idempotency;

namespace WixUcp.Core.Tests.Idempotency;

public sealed class InMemoryIdempotencyStoreTests
{
    private const string Key = "platform-a|create_checkout|5f1c0d1e-3b4a-4c8e-9d2f-7a6b5c4d3e2f";
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RecordLifetime = TimeSpan.FromHours(24);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly InMemoryIdempotencyStore _store;

    public InMemoryIdempotencyStoreTests() => _store = new InMemoryIdempotencyStore(_time);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task First_use_starts_and_a_duplicate_in_flight_is_in_progress()
    {
        var first = await BeginAsync("fp-1");
        var duplicate = await BeginAsync("fp-1");

        Assert.Equal(IdempotencyBeginStatus.Started, first.Status);
        Assert.Equal(IdempotencyBeginStatus.InProgress, duplicate.Status);
        Assert.Null(duplicate.Response);
    }

    [Fact]
    public async Task Same_key_with_another_fingerprint_conflicts_while_running_and_after_completion()
    {
        await BeginAsync("fp-1");
        var whileRunning = await BeginAsync("fp-2");
        await _store.CompleteAsync(Key, Response("{}"), RecordLifetime, Ct);
        var afterCompletion = await BeginAsync("fp-2");

        Assert.Equal(IdempotencyBeginStatus.Conflict, whileRunning.Status);
        Assert.Equal(IdempotencyBeginStatus.Conflict, afterCompletion.Status);
    }

    [Fact]
    public async Task Completed_request_replays_the_same_status_type_and_bytes()
    {
        var body = Encoding.UTF8.GetBytes("{\"id\":\"chk_1\",\"status\":\"incomplete\"}");
        var expected = body.ToArray();
        await BeginAsync("fp-1");
        await _store.CompleteAsync(Key, new IdempotentResponse { StatusCode = 201, ContentType = "application/json", Body = body }, RecordLifetime, Ct);

        // The caller's buffer may be reused after completion; the stored copy must not change.
        Array.Clear(body);
        var replay = await BeginAsync("fp-1");

        Assert.Equal(IdempotencyBeginStatus.Replay, replay.Status);
        var response = Assert.IsType<IdempotentResponse>(replay.Response);
        Assert.Equal((201, "application/json"), (response.StatusCode, response.ContentType));
        Assert.Equal(expected, response.Body.ToArray());
    }

    [Fact]
    public async Task Replays_keep_answering_until_the_record_expires()
    {
        await BeginAsync("fp-1");
        await _store.CompleteAsync(Key, Response("{\"n\":1}"), RecordLifetime, Ct);

        _time.Advance(RecordLifetime - TimeSpan.FromSeconds(1));
        var late = await BeginAsync("fp-1");
        _time.Advance(TimeSpan.FromSeconds(1));
        var expired = await BeginAsync("fp-1");

        Assert.Equal(IdempotencyBeginStatus.Replay, late.Status);
        Assert.Equal(IdempotencyBeginStatus.Started, expired.Status);
    }

    [Fact]
    public async Task Abandon_frees_the_key()
    {
        await BeginAsync("fp-1");
        await _store.AbandonAsync(Key, Ct);

        var retry = await BeginAsync("fp-2");

        Assert.Equal(IdempotencyBeginStatus.Started, retry.Status);
    }

    [Fact]
    public async Task Abandon_does_not_drop_a_completed_record()
    {
        await BeginAsync("fp-1");
        await _store.CompleteAsync(Key, Response("{}"), RecordLifetime, Ct);
        await _store.AbandonAsync(Key, Ct);

        var again = await BeginAsync("fp-1");

        Assert.Equal(IdempotencyBeginStatus.Replay, again.Status);
    }

    [Fact]
    public async Task Expired_claim_of_a_crashed_request_can_be_started_again()
    {
        await BeginAsync("fp-1");

        _time.Advance(ClaimLifetime - TimeSpan.FromSeconds(1));
        var stillHeld = await BeginAsync("fp-1");
        _time.Advance(TimeSpan.FromSeconds(1));
        var reclaimed = await BeginAsync("fp-2");
        var duplicateOfNewClaim = await BeginAsync("fp-2");

        Assert.Equal(IdempotencyBeginStatus.InProgress, stillHeld.Status);
        Assert.Equal(IdempotencyBeginStatus.Started, reclaimed.Status);
        Assert.Equal(IdempotencyBeginStatus.InProgress, duplicateOfNewClaim.Status);
    }

    [Fact]
    public async Task Keys_are_independent_and_case_sensitive()
    {
        var first = await BeginAsync("fp-1");
        var other = await _store.TryBeginAsync(Key + "-other", "fp-1", ClaimLifetime, Ct);
        var upper = await _store.TryBeginAsync(Key.ToUpperInvariant(), "fp-1", ClaimLifetime, Ct);

        Assert.Equal(IdempotencyBeginStatus.Started, first.Status);
        Assert.Equal(IdempotencyBeginStatus.Started, other.Status);
        Assert.Equal(IdempotencyBeginStatus.Started, upper.Status);
    }

    [Fact]
    public async Task Completing_an_unclaimed_key_is_refused()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await _store.CompleteAsync(Key, Response("{}"), RecordLifetime, Ct));

        Assert.Equal(IdempotencyBeginStatus.Started, (await BeginAsync("fp-1")).Status);
    }

    [Fact]
    public async Task Concurrent_duplicates_start_exactly_once()
    {
        const int Tasks = 32;
        using var gate = new ManualResetEventSlim(false);
        var attempts = Enumerable.Range(0, Tasks)
            .Select(_ => Task.Run(
                async () =>
                {
                    gate.Wait(Ct);
                    return await _store.TryBeginAsync(Key, "fp-1", ClaimLifetime, Ct);
                },
                Ct))
            .ToList();

        gate.Set();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Status == IdempotencyBeginStatus.Started);
        Assert.Equal(Tasks - 1, results.Count(r => r.Status == IdempotencyBeginStatus.InProgress));
    }

    private async Task<IdempotencyBeginResult> BeginAsync(string fingerprint) =>
        await _store.TryBeginAsync(Key, fingerprint, ClaimLifetime, Ct);

    private static IdempotentResponse Response(string json) => new() { StatusCode = 200, ContentType = "application/json", Body = Encoding.UTF8.GetBytes(json) };
}
