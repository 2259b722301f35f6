using System.Net;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Checkout;

public sealed class IdempotencyTests(UcpFixture fixture) : IClassFixture<UcpFixture>
{
    [Fact]
    public async Task Same_key_and_body_replays_status_and_bytes_without_running_again()
    {
        var client = fixture.Client();
        var key = Guid.NewGuid().ToString();
        var first = await client.PostAsync("/ucp/checkout-sessions", Checkouts.Create(), key);
        var second = await client.PostAsync("/ucp/checkout-sessions", Checkouts.Create(), key);
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(first.Status, second.Status);
        Assert.Equal(first.Bytes, second.Bytes);
        Assert.Equal("true", second.Header("Idempotent-Replayed"));
        Assert.Null(first.Header("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Same_key_with_a_different_body_is_a_409_and_changes_nothing()
    {
        var client = fixture.Client();
        var key = Guid.NewGuid().ToString();
        var first = await client.PostAsync("/ucp/checkout-sessions", Checkouts.Create("tea_sencha", 1), key);
        var conflict = await client.PostAsync("/ucp/checkout-sessions", Checkouts.Create("tea_sencha", 5), key);
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Equal("idempotency_key_reused", conflict.Json["code"]!.GetValue<string>());

        var stored = await client.GetAsync($"/ucp/checkout-sessions/{first.Json["id"]!.GetValue<string>()}");
        Assert.Equal(1, stored.Json["line_items"]![0]!["quantity"]!.GetValue<int>());
    }

    [Fact]
    public async Task Keys_are_scoped_to_the_operation()
    {
        var client = fixture.Client();
        var key = Guid.NewGuid().ToString();
        var created = await client.PostAsync("/ucp/checkout-sessions", Checkouts.Create(), key);
        var id = created.Json["id"]!.GetValue<string>();
        var canceled = await client.PostAsync($"/ucp/checkout-sessions/{id}/cancel", Checkouts.Create(), key);
        Assert.Equal(HttpStatusCode.OK, canceled.Status);
        Assert.Equal("canceled", canceled.Json["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_missing_key_on_a_state_change_is_refused()
    {
        var response = await fixture.Client().PostAsync("/ucp/checkout-sessions", Checkouts.Create(), idempotencyKey: null);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("idempotency_key_required", response.Json["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Concurrent_duplicates_execute_once()
    {
        var client = fixture.Client();
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.PostAsync("/ucp/checkout-sessions", Checkouts.Create("tea_assam", 3), key)));

        var created = responses.Where(r => r.Status == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(created);
        Assert.Single(created.Select(r => r.Json["id"]!.GetValue<string>()).Distinct());
        Assert.All(created, r => Assert.Equal(created[0].Bytes, r.Bytes));
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.Created), r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.Status);
            Assert.Equal("idempotency_in_progress", r.Json["code"]!.GetValue<string>());
            Assert.NotNull(r.Header("Retry-After"));
        });
    }

    [Fact]
    public async Task A_rejected_request_does_not_burn_its_key()
    {
        var client = fixture.Client();
        var key = Guid.NewGuid().ToString();
        var bad = await client.PostAsync("/ucp/checkout-sessions", "{not json", key);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        var retried = await client.PostAsync("/ucp/checkout-sessions", "{not json", key);
        Assert.Equal(HttpStatusCode.BadRequest, retried.Status);
        Assert.Null(retried.Header("Idempotent-Replayed"));
    }
}
