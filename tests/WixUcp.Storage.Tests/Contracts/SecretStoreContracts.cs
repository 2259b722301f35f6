using System.Security.Cryptography;
using WixUcp.ApiKeys;
using WixUcp.Installations;
using WixUcp.Webhooks;

namespace WixUcp.Storage.Tests.Contracts;

/// <summary>What every app-instance, webhook-registration and API-key store must do; each implementation runs this suite.</summary>
public abstract class SecretStoreContract
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract ValueTask<(IAppInstanceStore Instances, IWebhookRegistrationStore Webhooks, IApiKeyStore ApiKeys)> StoresAsync();

    [Fact]
    public async Task An_app_instance_is_stored_replaced_and_removed()
    {
        var (instances, _, _) = await StoresAsync();
        var id = "inst_" + Guid.NewGuid().ToString("N");
        var instance = new AppInstance
        {
            InstanceId = id,
            AccessToken = "token-1",
            TokenExpiresAt = Now.AddHours(4),
            SiteId = "site_1",
            InstalledAt = Now,
            Settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["currency"] = "USD" },
        };

        await instances.UpsertAsync(instance, Ct);
        await instances.UpsertAsync(instance with { AccessToken = "token-2" }, Ct);
        var read = await instances.GetAsync(id, Ct);

        Assert.Equal(("token-2", "site_1", Now.AddHours(4), Now), (read!.AccessToken, read.SiteId, read.TokenExpiresAt, read.InstalledAt));
        Assert.Equal("USD", read.Settings["currency"]);
        Assert.True(await instances.DeleteAsync(id, Ct));
        Assert.Null(await instances.GetAsync(id, Ct));
        Assert.False(await instances.DeleteAsync(id, Ct));
    }

    [Fact]
    public async Task Webhook_registrations_are_listed_per_store_with_their_secret()
    {
        var (_, webhooks, _) = await StoresAsync();
        var instance = "inst_" + Guid.NewGuid().ToString("N");
        var first = Registration(instance, "wh_" + Guid.NewGuid().ToString("N"), Now);
        var second = Registration(instance, "wh_" + Guid.NewGuid().ToString("N"), Now.AddMinutes(1));

        Assert.True(await webhooks.TryAddAsync(second, Ct));
        Assert.True(await webhooks.TryAddAsync(first, Ct));
        Assert.False(await webhooks.TryAddAsync(first, Ct));
        await webhooks.TryAddAsync(Registration("other_" + instance, "wh_" + Guid.NewGuid().ToString("N"), Now), Ct);

        var listed = await webhooks.ListAsync(instance, Ct);
        Assert.Equal([first.Id, second.Id], listed.Select(r => r.Id));
        Assert.Equal((first.Secret, first.WebhookUrl, "order.updated"), (listed[0].Secret, listed[0].WebhookUrl, listed[0].Events[1]));
        Assert.True(await webhooks.DeleteAsync(first.Id, Ct));
        Assert.Null(await webhooks.GetAsync(first.Id, Ct));
        Assert.Equal(second.Secret, (await webhooks.GetAsync(second.Id, Ct))!.Secret);
    }

    [Fact]
    public async Task Api_keys_are_found_by_hash_touched_listed_and_revoked_once()
    {
        var (_, _, keys) = await StoresAsync();
        var hash = RandomNumberGenerator.GetBytes(32);
        var keyId = "key_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var record = new ApiKeyRecord
        {
            KeyHash = hash,
            KeyId = keyId,
            PlatformId = "platform_1",
            InstanceId = "inst_1",
            ProfileUrls = ["https://agent.example/profile"],
            Permissions = ["checkout:write", "orders:read"],
            CreatedAt = Now,
        };

        Assert.True(await keys.TryAddAsync(record, Ct));
        Assert.False(await keys.TryAddAsync(record, Ct));
        Assert.False(await keys.TryAddAsync(record with { KeyHash = RandomNumberGenerator.GetBytes(32) }, Ct)); // key ids are unique too
        await keys.TouchAsync(hash, Now.AddMinutes(5), Ct);
        Assert.True(await keys.RevokeAsync(keyId, Now.AddMinutes(10), Ct));
        Assert.False(await keys.RevokeAsync(keyId, Now.AddMinutes(11), Ct));
        Assert.False(await keys.RevokeAsync("key_unknown", Now.AddMinutes(11), Ct));

        var found = await keys.FindAsync(hash, Ct);
        Assert.Equal(("platform_1", keyId, Now.AddMinutes(5), Now.AddMinutes(10)), (found!.PlatformId, found.KeyId, found.LastUsedAt, found.RevokedAt));
        Assert.Equal(["checkout:write", "orders:read"], found.Permissions);
        Assert.Equal(["https://agent.example/profile"], found.ProfileUrls);
        Assert.Contains(await keys.ListAsync(1000, Ct), k => k.KeyId == keyId && k.KeyHash.Span.SequenceEqual(hash));
        Assert.Null(await keys.FindAsync(RandomNumberGenerator.GetBytes(32), Ct));
    }

    protected static WebhookRegistration Registration(string instance, string id, DateTimeOffset created) => new()
    {
        Id = id,
        InstanceId = instance,
        PlatformId = "platform_1",
        WebhookUrl = new Uri("https://platform.example/webhooks/" + id),
        Events = ["order.created", "order.updated"],
        Secret = "whsec_" + id,
        CreatedAt = created,
    };
}

public sealed class InMemorySecretStoreContract : SecretStoreContract
{
    private readonly (IAppInstanceStore, IWebhookRegistrationStore, IApiKeyStore) _stores =
        (new InMemoryAppInstanceStore(), new InMemoryWebhookRegistrationStore(), new InMemoryApiKeyStore());

    protected override ValueTask<(IAppInstanceStore Instances, IWebhookRegistrationStore Webhooks, IApiKeyStore ApiKeys)> StoresAsync() =>
        ValueTask.FromResult(_stores);
}
