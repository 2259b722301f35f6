using System.Net;
using StackExchange.Redis;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.Storage;
using WixUcp.Storage.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Checkout;

/// <summary>The sample host with its state in Redis: a full checkout, an idempotent replay, and what Redis holds afterwards.</summary>
public sealed class RedisFlowTests(RedisUcpFixture fixture) : IClassFixture<RedisUcpFixture>
{
    [Fact]
    public async Task A_checkout_runs_to_an_order_with_its_session_in_Redis()
    {
        var redisUrl = TestServices.RedisUrl();
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
        var sessionKey = $"{RedisUcpFixture.KeyPrefix}{{default}}:checkout:{id}";
        var stored = UcpRecordSerializer.DeserializeCheckoutSession((byte[])(await db.HashGetAsync(sessionKey, "d"))!);
        Assert.Equal(WixUcp.Checkout.CheckoutStatus.Completed, stored.Status);
        Assert.Equal(completed.Json["order"]!["id"]!.GetValue<string>(), stored.Order!.Id);
        Assert.Equal(stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)await db.HashGetAsync(sessionKey, "v"));
        Assert.True(await db.KeyTimeToLiveAsync(sessionKey) > TimeSpan.FromHours(6));
    }
}
