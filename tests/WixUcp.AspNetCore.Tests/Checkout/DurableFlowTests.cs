using System.Net;
using Npgsql;
using StackExchange.Redis;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.Storage;
using WixUcp.Storage.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Checkout;

/// <summary>The sample host with its state in Redis and PostgreSQL: a full checkout, an idempotent replay, and what the stores hold.</summary>
public sealed class DurableFlowTests(DurableUcpFixture fixture) : IClassFixture<DurableUcpFixture>
{
    [Fact]
    public async Task A_checkout_runs_to_an_order_with_its_session_in_Redis_and_its_order_in_PostgreSQL()
    {
        var redisUrl = TestServices.RedisUrl();
        TestServices.DatabaseUrl();
        var client = fixture.Client();

        var ready = await Checkouts.ReadyAsync(client);
        var id = ready["id"]!.GetValue<string>();
        var key = Guid.NewGuid().ToString();
        var completed = await client.PostAsync($"/ucp/checkout-sessions/{id}/complete", Checkouts.Complete(), key);
        var replay = await client.PostAsync($"/ucp/checkout-sessions/{id}/complete", Checkouts.Complete(), key);

        Assert.Equal(HttpStatusCode.OK, completed.Status);
        Assert.Equal("completed", completed.Json["status"]!.GetValue<string>());
        Assert.Equal(completed.Bytes, replay.Bytes);
        Assert.Equal("true", replay.Header("Idempotent-Replayed"));

        await using var redis = await ConnectionMultiplexer.ConnectAsync(new Uri(redisUrl).Authority);
        var db = redis.GetDatabase();
        var sessionKey = $"{DurableUcpFixture.KeyPrefix}{{default}}:checkout:{id}";
        var stored = UcpRecordSerializer.DeserializeCheckoutSession((byte[])(await db.HashGetAsync(sessionKey, "d"))!);
        Assert.Equal(WixUcp.Checkout.CheckoutStatus.Completed, stored.Status);
        Assert.Equal(completed.Json["order"]!["id"]!.GetValue<string>(), stored.Order!.Id);
        Assert.Equal(stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)await db.HashGetAsync(sessionKey, "v"));
        Assert.True(await db.KeyTimeToLiveAsync(sessionKey) > TimeSpan.FromHours(6));

        await using var postgres = new NpgsqlConnection(DurableUcpFixture.DatabaseConnectionString);
        await postgres.OpenAsync(TestContext.Current.CancellationToken);
        await using var query = new NpgsqlCommand("SELECT checkout_id FROM orders WHERE tenant_id = 'default' AND id = $1", postgres)
        {
            Parameters = { new() { Value = stored.Order.Id } },
        };
        Assert.Equal(id, (string?)await query.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        var order = await client.GetAsync($"/ucp/orders/{stored.Order.Id}");
        Assert.Equal(id, order.Json["checkout_id"]!.GetValue<string>());
    }
}
