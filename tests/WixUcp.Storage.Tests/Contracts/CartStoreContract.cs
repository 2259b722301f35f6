using WixUcp.Carts;

namespace WixUcp.Storage.Tests.Contracts;

/// <summary>What every <see cref="ICartStore"/> must do; each implementation runs this same suite.</summary>
public abstract class CartStoreContract
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A store over <paramref name="time"/> (the clock the store judges expiry by).</summary>
    protected abstract ICartStore Create(TimeProvider time);

    private static Cart NewCart(DateTimeOffset now, TimeSpan lifetime) => new()
    {
        TenantId = "t1",
        Id = "cart_" + Guid.NewGuid().ToString("N"),
        Currency = "USD",
        CreatedAt = now,
        UpdatedAt = now,
        ExpiresAt = now + lifetime,
        Version = 1,
    };

    [Fact]
    public async Task A_cart_reads_back_as_written_once_created()
    {
        var store = Create(TimeProvider.System);
        var cart = NewCart(DateTimeOffset.UtcNow, TimeSpan.FromHours(1));

        Assert.True(await store.TryCreateAsync(cart, Ct));
        Assert.False(await store.TryCreateAsync(cart with { Currency = "EUR" }, Ct));
        var read = await store.GetAsync("t1", cart.Id, Ct);
        Assert.Equal(UcpRecordSerializer.Serialize(cart), UcpRecordSerializer.Serialize(read!));
        Assert.Null(await store.GetAsync("t2", cart.Id, Ct));
    }

    [Fact]
    public async Task Updates_and_deletes_win_only_against_the_version_read()
    {
        var store = Create(TimeProvider.System);
        var cart = NewCart(DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        await store.TryCreateAsync(cart, Ct);

        Assert.True(await store.TryUpdateAsync(cart with { Version = 2, CheckoutId = "chk_1" }, 1, Ct));
        Assert.False(await store.TryUpdateAsync(cart with { Version = 2, Currency = "EUR" }, 1, Ct));
        Assert.False(await store.TryDeleteAsync("t1", cart.Id, 1, Ct));
        Assert.Equal("chk_1", (await store.GetAsync("t1", cart.Id, Ct))!.CheckoutId);

        Assert.True(await store.TryDeleteAsync("t1", cart.Id, 2, Ct));
        Assert.Null(await store.GetAsync("t1", cart.Id, Ct));
        Assert.False(await store.TryDeleteAsync("t1", cart.Id, 2, Ct));
    }

    [Fact]
    public async Task A_cart_is_gone_once_it_expires()
    {
        var store = Create(TimeProvider.System);
        var cart = NewCart(DateTimeOffset.UtcNow, TimeSpan.FromMilliseconds(1200));
        await store.TryCreateAsync(cart, Ct);
        Assert.NotNull(await store.GetAsync("t1", cart.Id, Ct));

        await Task.Delay(TimeSpan.FromMilliseconds(1500), Ct);
        Assert.Null(await store.GetAsync("t1", cart.Id, Ct));
    }
}

public sealed class InMemoryCartStoreContract : CartStoreContract
{
    protected override ICartStore Create(TimeProvider time) => new InMemoryCartStore(time);
}
